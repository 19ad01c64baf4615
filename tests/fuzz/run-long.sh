#!/usr/bin/env bash
# tests/fuzz/run-long.sh — run the protocol fuzz targets for longer than the suite's short runs.
#   tests/fuzz/run-long.sh [NAME|all] [seconds per target, default 600]
# NAME is a folder here with <NAME>.dict and corpus/ (http1, chunked, channel, hbtp, ws); its target is
# dx_fuzz_NAME (tests/fuzz/dx_fuzz.cmake). Builds build/fuzz with clang (ASan+UBSan; fuzz-lib.sh picks a
# clang that links libFuzzer), then runs each target on a scratch copy of its seed corpus
# (tests/fuzz/<name>/corpus is never written to). A crash leaves crash-* in build/fuzz/fuzz/<name>. Add an
# input worth keeping to the seed corpus by hand, and a unit test for any bug it found.
set -euo pipefail
. "$(dirname "$0")/fuzz-lib.sh"
which=${1:-all}
secs=${2:-600}
build=$fuzz_root/build/fuzz
fuzz_pick_clang || { echo "run-long: no clang++ here links -fsanitize=fuzzer (install libclang-rt-19-dev)"; exit 2; }
fuzz_configure "$build"
names=$(fuzz_names "$which")
[[ -n $names ]] || { echo "run-long: no fuzz target called '$which' (folders in tests/fuzz/)"; exit 2; }
for name in $names; do
  cmake --build "$build" -j2 --target "dx_fuzz_$name"
  echo "run-long: $name for ${secs}s"
  fuzz_run "$build" "$name" -max_total_time="$secs"
done
