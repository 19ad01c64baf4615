#!/usr/bin/env bash
# Regenerates tests/diagnostics/cases/*.expected (one per .tsx case or project directory) from the compiler as
# built now; read every changed file after (see tests/diagnostics/README.md).
# Usage: tools/regen-diagnostics.sh          (BUILD_DIR=build/dev by default; configured with the dev preset)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${BUILD_DIR:-build/dev}"
[ -f "$build_dir/CMakeCache.txt" ] || cmake --preset dev >/dev/null
cmake --build "$build_dir" --target dx_diagnostics_tests -j2
DX_SOURCE_DIR="$PWD" DX_REGEN=1 "$build_dir/tests/diagnostics/dx_diagnostics_tests"
if command -v git >/dev/null && git rev-parse --git-dir >/dev/null 2>&1; then
  git status --short -- tests/diagnostics/cases
fi
