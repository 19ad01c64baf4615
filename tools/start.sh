#!/usr/bin/env bash
# The README's first command: install, build, compile samples/todo, serve it on http://127.0.0.1:3000.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/build.sh release dxc dx-server
app="${1:-samples/todo}"
./build/release/compiler/dxc build "$app" -o "$app/dist"
exec ./build/release/runtime-server/dx-server "$app/dist" --host 127.0.0.1 --port "${PORT:-3000}"
