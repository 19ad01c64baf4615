#!/usr/bin/env bash
# The dxc command line as a user meets it: exit codes (0 ok, 1 user errors, 2 usage), messages with file,
# line, column and a code frame, --json, inspect on good and corrupt files, explain, and an untouched dist/ after a
# failed build. Usage: cli.sh <dxc>
set -uo pipefail
dxc="$1"
root="$(cd "$(dirname "$0")/../.." && pwd)"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
fails=0; passes=0
check() {  # check NAME EXPECTED_EXIT PATTERN -- command…
  local name="$1" want="$2" pattern="$3"; shift 4
  local out rc
  out="$("$@" 2>&1)"; rc=$?
  if [ "$rc" -ne "$want" ]; then echo "FAIL $name: exit $rc, wanted $want"; echo "$out" | head -20; fails=$((fails+1)); return; fi
  if [ -n "$pattern" ] && ! grep -qE -- "$pattern" <<<"$out"; then echo "FAIL $name: output lacks /$pattern/"; echo "$out" | head -20; fails=$((fails+1)); return; fi
  echo "ok $name"; passes=$((passes+1))
}

check "help" 0 "Subcommands:" -- "$dxc" --help
check "version" 0 "^dxc [0-9]+\.[0-9]+\.[0-9]+" -- "$dxc" --version
check "no subcommand" 2 "subcommand is required" -- "$dxc"
check "unknown option" 2 "" -- "$dxc" build --frobnicate x
check "bad --dump" 2 "" -- "$dxc" build x --dump nonsense
check "missing project" 1 "DX0001" -- "$dxc" build "$tmp/nope"
check "explain" 0 "^error\[DX0250\]: JSX in a place" -- "$dxc" explain DX0250
check "explain alternative" 0 "<Show>/<For>" -- "$dxc" explain dx0250
check "explain list" 0 "^DX0220  analyze" -- "$dxc" explain
check "explain unknown" 2 "no diagnostic code DX9999" -- "$dxc" explain DX9999

mkdir -p "$tmp/app/pages"
printf 'export default function A() {\n  return <p>{cout}</p>;\n}\n' > "$tmp/app/pages/index.tsx"
check "error with code frame" 1 "pages/index.tsx:2:14: error\[DX0220\]: cannot find name 'cout'" -- "$dxc" build "$tmp/app"
check "caret underline" 1 "^  \| {14}\^{4}$" -- "$dxc" build "$tmp/app"
check "json diagnostics" 1 '"code": ?"DX0220"' -- "$dxc" build "$tmp/app" --json
[ -e "$tmp/app/dist" ] && { echo "FAIL a failed build wrote dist/"; fails=$((fails+1)); } || { echo "ok no dist after failure"; passes=$((passes+1)); }

printf 'export default function A() {\n  return <p>fine</p>;\n}\n' > "$tmp/app/pages/index.tsx"
check "build" 0 "app.wasm" -- "$dxc" build "$tmp/app"
check "quiet build" 0 "" -- "$dxc" build "$tmp/app" -q -o "$tmp/out"
check "inspect" 0 "^pages 1" -- "$dxc" inspect "$tmp/out/app.dxb"
head -c 40 "$tmp/out/app.dxb" > "$tmp/cut.dxb"
check "inspect truncated" 1 "at offset 16" -- "$dxc" inspect "$tmp/cut.dxb"
check "inspect not a dxb" 1 "bad magic" -- "$dxc" inspect "$tmp/out/dx.js"
check "inspect a page's snapshot" 0 "^snapshot version 2" -- "$dxc" inspect "$tmp/out/index.html"
check "inspect missing" 1 "cannot read" -- "$dxc" inspect "$tmp/missing.dxb"
check "dump lower" 0 "^block 0 A" -- "$dxc" build "$tmp/app" --stop-after lower --dump lower

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
