# tests/fuzz/fuzz-lib.sh — what run-long.sh and run-short.sh share (sourced, not run).
#   fuzz_pick_clang          sets CC/CXX to the first clang that links -fsanitize=fuzzer (clang++, then
#                            clang++-19 down to -14); returns 1 when none can (libFuzzer's runtime ships in
#                            Debian's libclang-rt-<N>-dev)
#   fuzz_configure BUILD     configures BUILD with it (Debug, ASan+UBSan; tests on, so dx_add_fuzz runs)
#   fuzz_names [NAME|all]    the fuzz folders here (each has <name>.dict and corpus/; target dx_fuzz_<name>)
#   fuzz_run BUILD NAME ARGS runs dx_fuzz_NAME from BUILD on a scratch copy of its seed corpus in
#                            BUILD/fuzz/NAME/corpus (the seeds in tests/fuzz/NAME/corpus are never written
#                            to) with its dictionary and ARGS (-runs=N, -max_total_time=S, -max_len=N, ...)
fuzz_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

fuzz_pick_clang() {
  local probe cxx
  probe=$(mktemp -d)
  echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }' >"$probe/p.cpp"
  for cxx in clang++ clang++-19 clang++-18 clang++-17 clang++-16 clang++-15 clang++-14; do
    command -v "$cxx" >/dev/null 2>&1 || continue
    if "$cxx" -fsanitize=fuzzer,address,undefined "$probe/p.cpp" -o "$probe/p" >/dev/null 2>&1; then
      CXX=$(command -v "$cxx")
      CC=${CXX/clang++/clang}
      export CC CXX
      rm -rf "$probe"
      return 0
    fi
  done
  rm -rf "$probe"
  return 1
}

fuzz_configure() {
  cmake -S "$fuzz_root" -B "$1" -G Ninja -DCMAKE_C_COMPILER="$CC" -DCMAKE_CXX_COMPILER="$CXX" \
    -DCMAKE_BUILD_TYPE=Debug -DDX_SANITIZE=ON -DDX_BUILD_TESTS=ON >/dev/null
}

fuzz_names() {
  local which=${1:-all} dir name
  for dir in "$fuzz_root"/tests/fuzz/*/; do
    name=$(basename "$dir")
    [[ -f $dir/$name.dict && -d $dir/corpus ]] || continue
    [[ $which == all || $which == "$name" ]] || continue
    echo "$name"
  done
}

fuzz_run() {
  local build=$1 name=$2
  shift 2
  local data=$fuzz_root/tests/fuzz/$name work=$build/fuzz/$name
  mkdir -p "$work/corpus"
  cp -n "$data/corpus/"* "$work/corpus/" 2>/dev/null || true
  (cd "$work" && "$build/fuzz/dx_fuzz_$name" -dict="$data/$name.dict" "$@" corpus)
}
