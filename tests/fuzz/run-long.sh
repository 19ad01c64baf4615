#!/usr/bin/env bash
# tests/fuzz/run-long.sh — run the protocol fuzz targets for longer than the suite's short runs.
#   tests/fuzz/run-long.sh [NAME|all] [seconds per target, default 600]
# NAME is a folder here with <NAME>.dict and corpus/ (http1, channel, hbtp, ws); its target is dx_fuzz_NAME
# (tests/fuzz/dx_fuzz.cmake). Builds build/fuzz with clang (ASan+UBSan), then runs each target on a scratch
# copy of its seed corpus (tests/fuzz/<name>/corpus is never written to). A crash leaves crash-* in
# build/fuzz/fuzz/<name>. Add an input worth keeping to the seed corpus by hand, and a unit test for any bug it found.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
which=${1:-all}
secs=${2:-600}
build=$root/build/fuzz
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DDX_SANITIZE=ON >/dev/null
ran=0
for dir in "$root"/tests/fuzz/*/; do
  name=$(basename "$dir")
  [[ -f $dir/$name.dict && -d $dir/corpus ]] || continue
  [[ $which == all || $which == "$name" ]] || continue
  cmake --build "$build" -j2 --target "dx_fuzz_$name"
  work=$build/fuzz/$name
  mkdir -p "$work/corpus"
  cp -n "$dir/corpus/"* "$work/corpus/" 2>/dev/null || true
  echo "run-long: $name for ${secs}s"
  (cd "$work" && "$build/fuzz/dx_fuzz_$name" -max_total_time="$secs" -dict="$dir/$name.dict" corpus)
  ran=$((ran + 1))
done
((ran > 0)) || { echo "run-long: no fuzz target called '$which' (folders in tests/fuzz/)"; exit 2; }
