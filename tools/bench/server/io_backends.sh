#!/usr/bin/env bash
# io_backends.sh — dx-server with --io epoll vs --io io_uring under the same bounded wrk load, on 127.0.0.1.
#
#   tools/bench/server/io_backends.sh [path/to/dx-server] [seconds]
# Builds a throwaway dist/ (index.html, a 1 KB file, a 100 KB file, the minimal artifacts dx-server checks),
# then for each backend runs `wrk -t1 -c64 -d<seconds>s --latency` (default 5 s) on the 1 KB file, the
# 100 KB file, and the 1 KB file pipelined 16 deep (pipeline.lua), and prints requests/s with p50/p99
# (wrk counts each pipelined response; latency is per batch of 16). The server and wrk share the machine's cores (here 2: one each, so --workers 1).
# Use a Release build of dx-server: a sanitizer build measures the sanitizers.
set -euo pipefail
bin="${1:-build/h-server2-rel/runtime-server/dx-server}"
secs="${2:-5}"
command -v wrk >/dev/null || { echo "io_backends.sh: wrk is not installed (tools/setup.sh)"; exit 1; }
[ -x "$bin" ] || { echo "io_backends.sh: no dx-server at $bin"; exit 1; }

tmp="$(mktemp -d)"
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
dist="$tmp/dist"
mkdir -p "$dist"
echo '<!doctype html><title>bench</title>' > "$dist/index.html"
head -c 1024 /dev/zero | tr '\0' 'a' > "$dist/1k.txt"
head -c 102400 /dev/zero | tr '\0' 'b' > "$dist/100k.txt"
# The 8-byte empty wasm module; app.dxb is optional for dx-server's checks when absent.
printf '\0asm\1\0\0\0' > "$dist/app.wasm"

for io in epoll io_uring; do
  "$bin" "$dist" --port 0 --workers 1 --io "$io" > "$tmp/out" 2> "$tmp/err" &
  server_pid=$!
  for _ in $(seq 50); do grep -q serving "$tmp/out" 2>/dev/null && break; sleep 0.1; done
  if ! grep -q serving "$tmp/out"; then
    echo "$io: did not start: $(cat "$tmp/err")"; kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null || true
    server_pid=""; continue
  fi
  url="$(sed -n 's/.* on \(http[^ ]*\)$/\1/p' "$tmp/out")"
  for file in 1k.txt 100k.txt 1k.txt:pipe16; do
    lua=()
    [[ "$file" == *:pipe16 ]] && lua=(-s "$(dirname "$0")/pipeline.lua")
    out="$(wrk -t1 -c64 -d"${secs}s" --latency "${lua[@]}" "${url}${file%%:*}")"
    rps="$(awk '/Requests\/sec/ {print $2}' <<< "$out")"
    p50="$(awk '$1 == "50%" {print $2}' <<< "$out")"
    p99="$(awk '$1 == "99%" {print $2}' <<< "$out")"
    printf '%-9s %-14s %10s req/s  p50 %-8s p99 %s\n' "$io" "$file" "$rps" "$p50" "$p99"
  done
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
done
