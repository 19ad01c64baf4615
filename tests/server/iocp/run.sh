#!/bin/sh
# run.sh WINE64 PREFIX EXE — runs a Windows test binary under Wine in its own prefix (made on first use),
# quietly (no debug channels, no Mono/Gecko installers, no menu entries in ~), and exits with its status.
# Wine's output goes to a file that is printed afterwards: the services Wine starts while it makes a prefix
# (rpcss.exe, …) inherit its stdout and stderr and may outlive the run, and holding ctest's output pipe they
# would keep the test running until its timeout. Then it stops that prefix's wineserver.
set -u
wine=$1
exe=$3
export WINEPREFIX="$2"
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml,winemenubuilder.exe=d"
log="$WINEPREFIX.log"
"$wine" "$exe" > "$log" 2>&1 < /dev/null
rc=$?
server="$(dirname "$wine")/wineserver"
[ -x "$server" ] || server=wineserver
"$server" -k 2>/dev/null || true
cat "$log"
exit $rc
