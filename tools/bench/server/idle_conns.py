#!/usr/bin/env python3
"""idle_conns.py — hold N idle keep-alive HTTP connections open to 127.0.0.1:PORT (for run.sh's memory row).

  idle_conns.py PORT [N] [PATH]
Raises RLIMIT_NOFILE to its hard limit, opens N connections, sends one keep-alive `GET PATH` on each and reads
its whole response (so every connection has served a request and sits idle, as a browser's would), prints
`ready N` on stdout, waits for a line (or EOF) on stdin, then closes them all with a reset (SO_LINGER 0: no
TIME_WAIT left to eat the port range). Exits 1 (with the reason on stderr) if a connection fails.
"""
import resource
import socket
import struct
import sys


def main():
    port = int(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    path = sys.argv[3] if len(sys.argv) > 3 else "/1k.txt"
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    if hard < count + 64:
        sys.exit(f"idle_conns: RLIMIT_NOFILE hard limit {hard} is below {count} connections")
    request = f"GET {path} HTTP/1.1\r\nHost: bench\r\n\r\n".encode()
    socks = []
    try:
        # In batches of 500: a burst of 10,000 SYNs would overflow the listen backlog.
        for start in range(0, count, 500):
            batch = []
            for _ in range(min(500, count - start)):
                s = socket.create_connection(("127.0.0.1", port), timeout=10)
                s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                s.sendall(request)
                batch.append(s)
            for s in batch:
                read_response(s)
            socks.extend(batch)
    except OSError as e:
        sys.exit(f"idle_conns: after {len(socks)} connections: {e}")
    print(f"ready {len(socks)}", flush=True)
    sys.stdin.readline()
    for s in socks:
        s.close()


def read_response(s):
    """Reads one response with a Content-Length body (all run.sh asks for)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(65536)
        if not chunk:
            raise OSError("connection closed before a response")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(body) < length:
        chunk = s.recv(65536)
        if not chunk:
            raise OSError("connection closed inside a body")
        body += chunk


if __name__ == "__main__":
    main()
