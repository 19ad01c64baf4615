#!/usr/bin/env bash
# tests/fuzz/run-long.sh — run the protocol fuzz targets for longer than the suite's smoke runs.
#   tests/fuzz/run-long.sh [hbtp|ws|all] [seconds per target, default 600]
# Builds build/fuzz with clang (-DDX_FUZZ=ON, ASan+UBSan), then runs each target on a scratch copy of its
# seed corpus (tests/fuzz/<name>/corpus is never written to). A crash leaves crash-* in build/fuzz/<name>.
# Add an input worth keeping to the seed corpus by hand, and a unit test for any bug it found.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
which=${1:-all}
secs=${2:-600}
build=$root/build/fuzz
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DDX_SANITIZE=ON -DDX_FUZZ=ON >/dev/null
for name in hbtp ws; do
  [[ $which == all || $which == "$name" ]] || continue
  cmake --build "$build" -j2 --target "dx_fuzz_$name"
  work=$build/$name
  mkdir -p "$work/corpus"
  cp -n "$root/tests/fuzz/$name/corpus/"* "$work/corpus/" 2>/dev/null || true
  (cd "$work" && "$build/tests/$name/dx_fuzz_$name" -max_total_time="$secs" -dict="$root/tests/fuzz/$name/$name.dict" corpus)
done
