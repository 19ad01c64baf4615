#!/bin/sh
# run.sh WINE64 PREFIX EXE — runs a Windows test binary under Wine in its own prefix (made on first use),
# quietly (no debug channels, no Mono/Gecko installers, no menu entries in ~), and exits with its status.
# Then it stops that prefix's wineserver (it would linger a few seconds holding ctest's output pipe).
set -u
wine=$1
exe=$3
export WINEPREFIX="$2"
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml,winemenubuilder.exe=d"
"$wine" "$exe"
rc=$?
server="$(dirname "$wine")/wineserver"
[ -x "$server" ] || server=wineserver
"$server" -k 2>/dev/null || true
exit $rc
