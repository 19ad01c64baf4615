#!/usr/bin/env bash
# Server rendering benchmark (issue 6): dx rendering a 1,000-row table page (dist/_server/app.so through
# dx::ssr, HTML + resumption snapshot) vs Solid's and React's renderToString and a hand-written string join in
# node, in the same run; then an HTTP run: dx-server vs Solid's SSR behind node's http server (wrk).
#   bash tools/bench/ssr/run.sh [--no-http] [--iters N] [--seconds S] [--rounds R]
#   BUILD=dir picks the release build dir (default build/release; configured with the release preset when new)
# Only 127.0.0.1; every wrk run is bounded (-d); the temp dir is removed at exit.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
cd "$root"
build="${BUILD:-build/release}"
http=1 iters=301 secs=3 rounds=3
while (($#)); do
  case "$1" in
    --no-http) http=0 ;;
    --iters) iters="$2"; shift ;;
    --seconds) secs="$2"; shift ;;
    --rounds) rounds="$2"; shift ;;
    *) echo "usage: run.sh [--no-http] [--iters N] [--seconds S] [--rounds R]"; exit 2 ;;
  esac
  shift
done
((secs >= 1 && secs <= 30 && rounds >= 1 && rounds <= 10)) || { echo "run.sh: --seconds 1..30, --rounds 1..10"; exit 2; }

for need in node wrk curl; do
  command -v "$need" >/dev/null || { echo "run.sh: missing $need (tools/setup.sh installs it)"; exit 1; }
done
[[ -d "$root/node_modules/react-dom" && -d "$root/node_modules/solid-js" ]] || { echo "run.sh: run \`npm ci\` first"; exit 1; }
[[ -f "$build/CMakeCache.txt" ]] || timeout 1800 cmake --preset release -B "$build" >/dev/null
timeout 1800 cmake --build "$build" -j2 --target dxc dx-server dx_bench_ssr | tail -1

tmp="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

timeout 300 "$build/compiler/dxc" build "$here/app" -o "$tmp/dist" --quiet 2>"$tmp/dxc.err" ||
  { cat "$tmp/dxc.err"; exit 1; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"

# --- one render, in process ---
timeout 600 "$build/tools/bench/ssr/dx_bench_ssr" "$tmp/dist/_server/app.so" --iters "$iters" --html "$tmp/dx.html" > "$tmp/dx.tsv"
timeout 600 node "$here/bench.mjs" --out "$tmp/node" --dx-html "$tmp/dx.html" > "$tmp/node.tsv"
awk -F'\t' '
  FNR == NR { v[$1] = $2; b[$1] = $3; next }
  { node[++n] = $1; v[$1] = $2; b[$1] = $3 }
  END {
    dx = v["dx"]
    printf "\n| renderer | ms / render | vs dx | HTML bytes |\n|---|---|---|---|\n"
    printf "| dx (HTML + snapshot) | %.3f | 1.00× | %d |\n", dx, b["dx"]
    for (i = 1; i <= n; i++) printf "| %s | %.3f | %.2f× | %d |\n", node[i], v[node[i]], v[node[i]] / dx, b[node[i]]
    printf "\n| dx phase | ms |\n|---|---|\n"
    split("instance start dx_start apply serialize snapshot base64", ph, " ")
    for (i = 1; i <= 7; i++) printf "| %s | %.3f |\n", ph[i], v["dx:" ph[i]]
    printf "\nsnapshot: %d bytes (%d in base64); linear memory %d bytes\n", b["dx:snapshot-bytes"], b["dx:snapshot-base64-bytes"], b["dx:memory-bytes"]
  }' "$tmp/dx.tsv" "$tmp/node.tsv"
((http)) || exit 0

# --- HTTP: dx-server (one worker) vs node + Solid (one process), wrk -t1 -c16; dx-server compresses only
# prebuilt files (the prerendered / has .br beside it), a page rendered per request goes out as is ---
"$build/runtime-server/dx-server" "$tmp/dist" --host 127.0.0.1 --port 0 --workers 1 > "$tmp/dx.out" 2> "$tmp/dx.err" &
pids+=($!)
node "$here/server.mjs" --bundle "$tmp/node/solid-hydratable.mjs" > "$tmp/solid.out" 2> "$tmp/solid.err" &
pids+=($!)
for _ in $(seq 100); do grep -q serving "$tmp/dx.out" 2>/dev/null && grep -q listening "$tmp/solid.out" 2>/dev/null && break; sleep 0.1; done
grep -q serving "$tmp/dx.out" || { echo "run.sh: dx-server did not start: $(cat "$tmp/dx.err")"; exit 1; }
grep -q listening "$tmp/solid.out" || { echo "run.sh: the Solid server did not start: $(cat "$tmp/solid.err")"; exit 1; }
dx_port=$(sed -n 's|.* on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$tmp/dx.out")
solid_port=$(sed -n 's|listening on \([0-9]*\)|\1|p' "$tmp/solid.out")

# rps URL [wrk args]: req/s over $secs s, after a 1 s warm-up. size URL [curl args]: "status bytes" of one response.
rps() {
  local url="$1"; shift
  timeout 30 wrk -t1 -c16 -d1s "$@" "$url" > /dev/null
  timeout 60 wrk -t1 -c16 -d"${secs}s" "$@" "$url" | awk '/Requests\/sec/ { print $2 }'
}
size() {
  local url="$1"; shift
  curl -s -o /dev/null -w '%{http_code} %{size_download}' "$@" "$url"
}
# Cases interleaved over $rounds rounds (load from other processes hits them alike); medians.
cases=("solid /|$solid_port|/|identity" "dx-server / (prerendered)|$dx_port|/|identity"
       "dx-server / (prerendered, br)|$dx_port|/|br" "dx-server /t/1 (rendered per request)|$dx_port|/t/1|identity")
declare -A runs
for ((round = 0; round < rounds; round++)); do
  for c in "${cases[@]}"; do
    IFS='|' read -r name port path enc <<< "$c"
    runs[$name]+="$(rps "http://127.0.0.1:$port$path" -H "Accept-Encoding: $enc") "
  done
done
median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
solid_rps=$(echo "${runs[solid /]}" | median)
printf "\n| HTTP (wrk -t1 -c16 -d%ss, one worker each, median of %d) | status | bytes | req/s | vs solid |\n|---|---|---|---|---|\n" "$secs" "$rounds"
for c in "${cases[@]}"; do
  IFS='|' read -r name port path enc <<< "$c"
  got=$(size "http://127.0.0.1:$port$path" -H "Accept-Encoding: $enc") code=${got% *} bytes=${got#* }
  r=$(echo "${runs[$name]}" | median)
  printf "| %s | %s | %s | %.0f | %.2f× |\n" "$name" "$code" "$bytes" "$r" "$(awk -v a="$r" -v b="$solid_rps" 'BEGIN { print a / b }')"
done
