#!/usr/bin/env bash
# Route lookup benchmark (issue 6): routes.dxr's trie vs a regex-per-route router at 10 / 1,000 / 10,000
# routes; prints a table of median ns per lookup.
#   bash tools/bench/routes/run.sh [RUNS]   (default 7; BUILD=dir picks the release build dir, default build/release)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
cd "$root"
build="${BUILD:-build/release}"
timeout 1800 cmake --preset release -B "$build" >/dev/null
timeout 1800 cmake --build "$build" --target dx_bench_routes | tail -1
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
timeout 600 "$build/tools/bench/routes/dx_bench_routes" "${1:-${RUNS:-7}}"
