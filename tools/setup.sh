#!/usr/bin/env bash
# Installs what dx needs on Debian 12 — Debian packages with apt-get, then the npm packages in
# package-lock.json with npm ci — skipping what is already there. A need is checked by what the build uses
# (a command or a header), not by package name, so tools installed another way (Node with its own npm) count.
set -euo pipefail
cd "$(dirname "$0")/.."

# package  what shows it is installed (a command name, or an absolute path)
needs=(
  "g++ g++" "cmake cmake" "ninja-build ninja" "pkg-config pkg-config" "git git" "python3 python3"
  "libtree-sitter-dev /usr/include/tree_sitter/api.h"
  "binaryen /usr/include/binaryen-c.h"
  "clang-19 clang-19" "lld-19 wasm-ld-19" "wabt wasm2c"
  # the C compiler for large apps' server modules (compiler/src/native/native.cpp; without it, clang -O0)
  "tcc tcc"
  # libFuzzer (and clang's ASan/UBSan runtimes): the suite's "fuzz: short runs" (tests/fuzz/run-short.sh)
  "libclang-rt-19-dev /usr/lib/llvm-19/lib/clang/19/lib/linux/libclang_rt.fuzzer-x86_64.a"
  "libcli11-dev /usr/include/CLI/CLI.hpp" "nlohmann-json3-dev /usr/include/nlohmann/json.hpp"
  "catch2 /usr/include/catch2/catch.hpp"
  "liburing-dev /usr/include/liburing.h" "wrk wrk" "curl curl"
  "zlib1g-dev /usr/include/zlib.h" "libbrotli-dev /usr/include/brotli/encode.h" "libssl-dev /usr/include/openssl/evp.h"
  "nodejs node" "npm npm"
  "chromium /usr/bin/chromium"
  "nginx /usr/sbin/nginx"  # only the peer in tools/bench/server/run.sh; the service is never started
  # the IOCP reactor test (tests/server/iocp): cross-compiled for Windows, run under Wine (no `wine` wrapper needed)
  "g++-mingw-w64-x86-64-posix x86_64-w64-mingw32-g++-posix" "wine64 /usr/lib/wine/wine64"
)
missing=()
for entry in "${needs[@]}"; do
  pkg="${entry%% *}"; what="${entry#* }"
  if [[ "$what" == /* ]]; then [ -e "$what" ] && continue; else command -v "$what" >/dev/null 2>&1 && continue; fi
  missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "dx setup: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "dx setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
