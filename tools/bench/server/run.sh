#!/usr/bin/env bash
# run.sh — dx-server next to nginx on the same dist/, in the same run, interleaved; prints medians and ratios.
#
#   tools/bench/server/run.sh [--server PATH] [--dxc PATH] [--load PATH] [--rounds N] [--seconds S]
#                             [--workers N] [--idle N] [--no-idle] [--io auto|epoll|io_uring]
# Builds samples/todo with dxc into a temp dist/ (plus 32 B, 1 KB and 100 KB files), starts dx-server and an
# nginx configured here (temp prefix, 127.0.0.1 only, same worker count, access log off, sendfile + tcp_nopush
# + tcp_nodelay, open_file_cache, keepalive_requests 1e6, reuseport), then for each round runs every wrk case
# against both servers, alternating which goes first. Then HBTP round trips (dx-hbtp-load) against HTTP
# requests on the same dx-server and connection count, and the memory of N idle keep-alive connections
# (idle_conns.py; RSS delta of the server processes from /proc). Defaults: 5 rounds of 3 s, one worker per
# CPU — pinned, for both (dx-server's default `--workers 0`, nginx's `worker_cpu_affinity auto`); any other
# count runs unpinned for both —, 10,000 idle connections: about 4 minutes. Bounded: at most 20 rounds of
# 30 s. Only 127.0.0.1 traffic. --io picks dx-server's event backend (default: its own choice, auto).
# Use Release builds (`cmake --preset release`): a sanitizer build measures the sanitizers.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
server=$root/build/release/runtime-server/dx-server
dxc=$root/build/release/compiler/dxc
load=""
rounds=5 secs=3 workers=$(nproc) idle=10000 io=auto
while (($#)); do
  case $1 in
    --server) server=$2; shift 2 ;;
    --dxc) dxc=$2; shift 2 ;;
    --load) load=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --seconds) secs=$2; shift 2 ;;
    --workers) workers=$2; shift 2 ;;
    --idle) idle=$2; shift 2 ;;
    --no-idle) idle=0; shift ;;
    --io) io=$2; shift 2 ;;
    *) sed -n '2,12p' "$0"; exit 2 ;;
  esac
done
load=${load:-$(dirname "$server")/client/dx-hbtp-load}
((rounds >= 1 && rounds <= 20 && secs >= 1 && secs <= 30 && idle <= 15000)) || { echo "run.sh: rounds 1-20, seconds 1-30, idle <= 15000"; exit 2; }
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
for need in wrk python3 curl "$nginx_bin" "$server" "$dxc" "$load"; do
  command -v "$need" >/dev/null || { echo "run.sh: missing $need (tools/setup.sh installs wrk and nginx; build the release preset)"; exit 1; }
done
ulimit -n "$(ulimit -Hn)"

tmp=$(mktemp -d)
chmod 755 "$tmp"  # nginx's workers run as nobody when started by root
dx_pid="" ng_pid=""
cleanup() {
  [ -n "$dx_pid" ] && kill "$dx_pid" 2>/dev/null
  [ -n "$ng_pid" ] && kill "$ng_pid" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

# --- the dist: samples/todo as dxc builds it, plus fixed-size files ---
"$dxc" build "$root/samples/todo" -o "$tmp/dist" -q
head -c 32 /dev/zero | tr '\0' 'h' > "$tmp/dist/32b.txt"
head -c 1024 /dev/zero | tr '\0' 'a' > "$tmp/dist/1k.txt"
head -c 102400 /dev/zero | tr '\0' 'b' > "$tmp/dist/100k.txt"
chmod -R a+rX "$tmp/dist"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# --- dx-server: one worker per CPU is its default, pinned; pin nginx's the same way ---
dx_workers=$workers affinity=""
if ((workers == $(nproc))); then dx_workers=0 affinity="worker_cpu_affinity auto;"; fi
"$server" "$tmp/dist" --host 127.0.0.1 --port 0 --hbtp-port 0 --workers "$dx_workers" --io "$io" --idle-timeout-ms 60000 \
  > "$tmp/dx.out" 2> "$tmp/dx.err" &
dx_pid=$!
for _ in $(seq 50); do grep -q serving "$tmp/dx.out" 2>/dev/null && break; sleep 0.1; done
grep -q serving "$tmp/dx.out" || { echo "run.sh: dx-server did not start: $(cat "$tmp/dx.err")"; exit 1; }
dx_port=$(sed -n 's|.* on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$tmp/dx.out")
hbtp_port=$(sed -n 's|.*hbtp://127.0.0.1:\([0-9]*\).*|\1|p' "$tmp/dx.out")

# --- nginx, configured as a careful operator would for static files ---
ng_port=$(free_port)
mkdir -p "$tmp/nginx"
cat > "$tmp/nginx/nginx.conf" <<EOF
worker_processes $workers;
$affinity
worker_rlimit_nofile 40000;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 20000; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  tcp_nopush off;  # on: TCP_CORK stalls pipelined batches (23 k req/s vs 90 k here); see README.md
  tcp_nodelay on;
  open_file_cache max=1000 inactive=60s;
  open_file_cache_valid 60s;
  keepalive_requests 1000000;
  keepalive_timeout 65s;
  client_body_temp_path $tmp/nginx/body;
  proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/fastcgi;
  uwsgi_temp_path $tmp/nginx/uwsgi;
  scgi_temp_path $tmp/nginx/scgi;
  server {
    listen 127.0.0.1:$ng_port reuseport backlog=4096;
    root $tmp/dist;
    index index.html;
  }
}
EOF
"$nginx_bin" -p "$tmp/nginx/" -c "$tmp/nginx/nginx.conf" -g 'daemon off;' 2> "$tmp/nginx/stderr" &
ng_pid=$!
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$ng_port/1k.txt" && break; sleep 0.1; done
curl -sf -o /dev/null "http://127.0.0.1:$ng_port/1k.txt" || { echo "run.sh: nginx did not start: $(cat "$tmp/nginx/stderr")"; exit 1; }
for f in / 1k.txt 100k.txt; do
  cmp -s <(curl -s "http://127.0.0.1:$dx_port/$f") <(curl -s "http://127.0.0.1:$ng_port/$f") || { echo "run.sh: /$f differs"; exit 1; }
done

results=$tmp/results  # lines: table case server req/s p50_ms p99_ms
# wrk_case TABLE CASE SERVER URL WRK-ARGS... : one wrk run, one results line.
wrk_case() {
  local table=$1 name=$2 who=$3 url=$4; shift 4
  local out
  out=$(wrk "$@" -d"${secs}s" --latency "$url")
  awk -v t="$table" -v c="$name" -v s="$who" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 } $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
    END { printf "%s %s %s %s %s %s\n", t, c, s, rps, p50, p99 }' <<< "$out" >> "$results"
}
# hbtp_case CASE ARGS... : one dx-hbtp-load run against dx-server.
hbtp_case() {
  local name=$1; shift
  local out
  out=$("$load" --seconds "$secs" "$@")
  sed -n "s|.*: \([0-9]*\) req/s, batch p50 \([0-9.]*\) ms p99 \([0-9.]*\) ms.*|hbtp $name dx \1 \2 \3|p" <<< "$out" >> "$results"
}

echo "run.sh: dx-server ($(sed -n 's/.*event backend: //p' "$tmp/dx.err")) vs nginx $("$nginx_bin" -v 2>&1 | sed 's|.*/||'), $workers workers each${affinity:+ (pinned)}, $rounds rounds of ${secs}s"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t2 -c64 -d1s "http://127.0.0.1:$dx_port/1k.txt" > /dev/null  # warm-up
wrk -t2 -c64 -d1s "http://127.0.0.1:$ng_port/1k.txt" > /dev/null
for ((r = 0; r < rounds; r++)); do
  order=(dx nginx)
  ((r % 2)) && order=(nginx dx)
  for c in "1k /1k.txt" "100k /100k.txt" "todo-index /" "1k-pipe16 /1k.txt"; do
    name=${c%% *} path=${c#* }
    for who in "${order[@]}"; do
      port=$dx_port
      [ "$who" = nginx ] && port=$ng_port
      extra=()
      [[ $name == *pipe16 ]] && extra=(-s "$here/pipeline.lua")
      wrk_case http "$name" "$who" "http://127.0.0.1:$port$path" -t2 -c64 "${extra[@]}"
    done
  done
  # HBTP round trips vs HTTP requests on the same dx-server, 8 connections each, 32-byte payloads.
  wrk_case hbtp http-32b-c8 dx "http://127.0.0.1:$dx_port/32b.txt" -t1 -c8
  hbtp_case rpc-raw-c8 --port "$hbtp_port" -c 8 --pipeline 1
  hbtp_case ping-raw-c8 --port "$hbtp_port" -c 8 --pipeline 1 --ping
  hbtp_case rpc-ws-c8 --port "$dx_port" --ws -c 8 --pipeline 1
  wrk_case hbtp http-32b-c8-pipe16 dx "http://127.0.0.1:$dx_port/32b.txt" -t1 -c8 -s "$here/pipeline.lua"
  hbtp_case rpc-raw-c8-pipe16 --port "$hbtp_port" -c 8 --pipeline 16
done

# --- memory per idle keep-alive connections: RSS delta of the server's processes ---
rss_kb() {  # the pid and its children (nginx's workers)
  local total=0 p
  for p in "$1" $(pgrep -P "$1" || true); do
    total=$((total + $(awk '/^VmRSS/ {print $2}' "/proc/$p/status")))
  done
  echo "$total"
}
if ((idle > 0)); then
  for who in dx nginx; do
    pid=$dx_pid port=$dx_port
    [ "$who" = nginx ] && pid=$ng_pid port=$ng_port
    before=$(rss_kb "$pid")
    mkfifo "$tmp/go"
    python3 "$here/idle_conns.py" "$port" "$idle" < "$tmp/go" > "$tmp/idle.out" &
    client=$!
    exec 3> "$tmp/go"
    for _ in $(seq 600); do grep -q ready "$tmp/idle.out" && break; kill -0 "$client" 2>/dev/null || break; sleep 0.1; done
    sleep 0.5
    after=$(rss_kb "$pid")
    exec 3>&-
    wait "$client" || true
    rm -f "$tmp/go"
    if grep -q "ready $idle" "$tmp/idle.out"; then
      echo "mem $who $before $after" >> "$results"
    else
      echo "run.sh: $who: the idle connections did not all open"
    fi
    sleep 1
  done
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$here/summary.py" "$idle" < "$results"
