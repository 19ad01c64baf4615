#!/usr/bin/env bash
# Installs what dx needs on Debian 12 (apt packages, then npm ci), skipping what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

pkgs=(build-essential cmake ninja-build pkg-config git
      libtree-sitter-dev binaryen clang-19 lld-19 wabt
      libcli11-dev nlohmann-json3-dev catch2
      zlib1g-dev libbrotli-dev libssl-dev
      nodejs npm chromium)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
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
