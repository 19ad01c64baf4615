#!/usr/bin/env bash
# Compile-speed benchmark (issue 3): dxc build vs babel-preset-solid vs esbuild on 500 generated components.
#   bash tools/bench/compile/run.sh [REPS]   (default 5; TIMEOUT=seconds bounds each single run, default 120;
#                                             DXC=path benchmarks another dxc binary and skips the build)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
cd "$root"
reps="${1:-${REPS:-5}}"

# npm peers (pinned in package.json); ignore-scripts is fine: esbuild's binary is @esbuild/linux-x64.
if ! node -e 'require("@babel/core");require("babel-preset-solid");require("@babel/preset-typescript");require("esbuild").transformSync("1")' 2>/dev/null; then
  timeout 600 npm ci --no-audit --no-fund
fi

# dxc in release (incremental: cheap when up to date; others may be building too, that is fine).
# DXC=/path/to/dxc skips the build and benchmarks that binary instead.
if [ -z "${DXC:-}" ]; then
  timeout 1800 cmake --preset release >/dev/null
  timeout 1800 cmake --build --preset release --target dxc | tail -1
fi

timeout 60 node "$here/gen.mjs"
echo "machine: $(nproc) cores; top:"; top -bn1 | sed -n '1,3p;7,12p'
# Whole benchmark bounded too (each single run is bounded by TIMEOUT inside bench.mjs).
timeout $(( (reps + 1) * 3 * ${TIMEOUT:-120} )) node "$here/bench.mjs" --reps "$reps"
