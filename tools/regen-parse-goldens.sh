#!/usr/bin/env bash
# Regenerates the parse golden dumps (tests/parse/fixtures/*.dump) from the parser as built now; review
# the diff after. Usage: tools/regen-parse-goldens.sh   (BUILD_DIR=build/dev by default)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${BUILD_DIR:-build/dev}"
[ -f "$build_dir/CMakeCache.txt" ] || cmake --preset dev >/dev/null
cmake --build "$build_dir" --target dx_parse_tests -j2
DX_SOURCE_DIR="$PWD" DX_REGEN=1 "$build_dir/tests/parse/dx_parse_tests" "[golden]"
if command -v git >/dev/null && git rev-parse --git-dir >/dev/null 2>&1; then
  git status --short -- tests/parse/fixtures
fi
