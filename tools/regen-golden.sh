#!/usr/bin/env bash
# Regenerates tests/golden/*.txt: `dxc inspect` dumps of each sample's app.dxb and `--dump=lower` of its IR.
# Never edit the goldens by hand; run this and review the diff. Usage: tools/regen-golden.sh [path/to/dxc]
set -euo pipefail
cd "$(dirname "$0")/.."
dxc="${1:-build/dev/compiler/dxc}"
exec bash tests/golden/golden.sh "$dxc" --regen
