#!/usr/bin/env bash
# dxc serve's rebuild time (issue 6): one-file edits of samples/todo (a copy in a temporary directory).
#   bash tools/bench/serve/rebuild.sh [EDITS]   (default 10)
# DXC=/path/to/dxc DX_SERVER=/path/to/dx-server benchmark those binaries and skip the build; otherwise dxc
# and dx-server are built with the release preset. Prints each rebuild's time as dxc serve reports it (the
# whole pipeline, discover → package, from the end of the burst of file events), their median, and for
# comparison what one `dxc build` costs (default -O 2, with .gz/.br) and the same build at dxc serve's -O 0.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
cd "$root"
edits="${1:-10}"

if [ -z "${DXC:-}" ]; then
  timeout 1800 cmake --preset release >/dev/null
  timeout 1800 cmake --build --preset release --target dxc dx-server | tail -1
  DXC="$root/build/release/compiler/dxc"
  DX_SERVER="$root/build/release/runtime-server/dx-server"
fi
export DX_SERVER

tmp="$(mktemp -d)"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill -INT "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
cp -r samples/todo "$tmp/todo"
rm -rf "$tmp/todo/dist"
file="$tmp/todo/components/TodoItem.tsx"

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "dxc build (what a production build costs):"
"$DXC" build "$tmp/todo" -o "$tmp/prod" 2>&1 | grep '^dxc: built' | sed 's/^/  /'
"$DXC" build "$tmp/todo" -o "$tmp/prod" -O 0 2>&1 | grep '^dxc: built' | sed 's/^/  -O 0: /'

"$DXC" serve "$tmp/todo" --port 0 >"$tmp/out" 2>"$tmp/err" &
pid=$!
rebuilt() { grep -c '^dxc: rebuilt' "$tmp/err" || true; }
wait_for() {  # wait_for CONDITION-COMMAND: up to 20 s
  for _ in $(seq 2000); do if eval "$1"; then return 0; fi; sleep 0.01; done
  echo "timed out; dxc serve said:"; cat "$tmp/out" "$tmp/err"; exit 1
}
wait_for 'grep -q "serving" "$tmp/out"'
echo "dxc serve: $(head -1 "$tmp/out")"
for i in $(seq "$edits"); do
  sed -i "s/aria-label={\`Delete[^\`]*\`}/aria-label={\`Delete item $i \${props.todo.text}\`}/" "$file"
  wait_for '[ "$(rebuilt)" -ge '"$i"' ]'
  sleep 0.1  # let dx-server's reload finish before the next edit
done
grep '^dxc: rebuilt' "$tmp/err" | sed 's/^/  /'
grep '^dxc: rebuilt' "$tmp/err" | sed -E 's/.* in ([0-9]+) ms$/\1/' | sort -n |
  awk '{ a[NR] = $1 } END { printf "rebuild after a one-file edit: median %d ms, min %d ms, max %d ms (%d edits)\n", a[int((NR + 1) / 2)], a[1], a[NR], NR }'
