#!/usr/bin/env bash
# Configures and builds dx with a CMake preset. Usage: tools/build.sh [dev|release] [target…]
# (no targets: everything, tests included)
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-release}"
shift || true
bash tools/setup.sh
[ -f "build/$preset/CMakeCache.txt" ] || cmake --preset "$preset" >/dev/null
if (($#)); then
  targets=()
  for t in "$@"; do targets+=(--target "$t"); done
  cmake --build --preset "$preset" "${targets[@]}"
else
  cmake --build --preset "$preset"
fi
