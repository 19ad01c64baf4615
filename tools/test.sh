#!/usr/bin/env bash
# The README's second command: install, build (dev preset: ASan+UBSan, -Werror), run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/build.sh dev
ctest --preset dev -j2
