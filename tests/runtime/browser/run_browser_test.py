#!/usr/bin/env python3
"""Serves DIR over HTTP on a free local port, loads DIR/index.html in headless Chromium and prints the
page's #result block. Exit status 0 only when the page printed DONE and no line starts with FAIL.
Usage: run_browser_test.py DIR"""
import functools
import html
import http.server
import re
import subprocess
import sys
import threading


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm"}

    def log_message(self, *args):
        pass


def main():
    root = sys.argv[1]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=root))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/index.html"
    cmd = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--virtual-time-budget=30000", "--dump-dom", url]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=180).stdout
    finally:
        server.shutdown()
    match = re.search(r'<pre id="result">(.*?)</pre>', out, re.S)
    result = html.unescape(match.group(1)) if match else "(no #result in the page)\n" + out[-2000:]
    print(result)
    ok = "DONE" in result and not any(line.startswith("FAIL") for line in result.splitlines())
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
