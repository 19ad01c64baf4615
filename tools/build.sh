#!/usr/bin/env bash
# Configures and builds dx with a CMake preset (default: release). Usage: tools/build.sh [dev|release]
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-release}"
bash tools/setup.sh
[ -f "build/$preset/CMakeCache.txt" ] || cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
