#!/usr/bin/env bash
# tests/fuzz/run-short.sh BUILD — the suite's short fuzz runs for a build that is not clang (CTest
# "fuzz: short runs", registered by tests/fuzz/dx_fuzz.cmake under g++). Configures BUILD/fuzz-clang with
# clang (fuzz-lib.sh), builds only the dx_fuzz_* targets BUILD/fuzz-targets.txt lists (`name max_len` per
# line: every dx_add_fuzz of the tree) with -j2, and runs each for -runs=2000 on a scratch copy of its
# seed corpus, stopping at the first failure. Exits 77 (CTest: skipped) when no clang here links libFuzzer.
# The first run compiles the targets (about 20 s on 2 cores); later runs only rebuild what changed (~10 s).
set -euo pipefail
. "$(dirname "$0")/fuzz-lib.sh"
outer=$(cd "${1:?usage: run-short.sh BUILD}" && pwd)
build=$outer/fuzz-clang
list=$outer/fuzz-targets.txt
if ! fuzz_pick_clang; then
  echo "run-short: no clang++ here links -fsanitize=fuzzer (Debian: libclang-rt-19-dev): skipped"
  exit 77
fi
fuzz_configure "$build"
targets=()
while read -r name max_len; do targets+=("dx_fuzz_$name"); done <"$list"
start=$SECONDS
if ! cmake --build "$build" -j2 --target "${targets[@]}" >"$build/build.log" 2>&1; then
  tail -n 60 "$build/build.log"
  echo "run-short: building the fuzz targets failed (log: $build/build.log)"
  exit 1
fi
echo "run-short: built ${#targets[@]} targets with $CXX in $((SECONDS - start))s"
while read -r name max_len; do
  start=$SECONDS
  rm -rf "$build/fuzz/$name"  # a fresh scratch corpus: each run starts from the seeds alone
  fuzz_run "$build" "$name" -runs=2000 -max_len="$max_len" 2>"$build/fuzz/$name.log" ||
    { tail -n 40 "$build/fuzz/$name.log"; echo "run-short: $name FAILED (log: $build/fuzz/$name.log)"; exit 1; }
  echo "run-short: $name: 2000 runs in $((SECONDS - start))s"
done <"$list"
