#!/usr/bin/env python3
"""summary.py — run.sh's tables: medians over rounds of the lines run.sh collected (stdin).

Input lines: `http CASE SERVER REQS P50_MS P99_MS`, `hbtp CASE dx REQS P50_MS P99_MS`, `mem SERVER BEFORE_KB AFTER_KB`.
Argument: the idle connection count the mem lines are for.
"""
import statistics
import sys
from collections import defaultdict


def med(values):
    return statistics.median(values) if values else float("nan")


def main():
    idle = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    runs = defaultdict(list)  # (table, case, server) -> [(rps, p50, p99)]
    mem = {}
    cases = {"http": [], "hbtp": []}
    for line in sys.stdin:
        f = line.split()
        if not f:
            continue
        if f[0] == "mem":
            mem[f[1]] = (int(f[2]), int(f[3]))
            continue
        table, case, server = f[0], f[1], f[2]
        try:
            runs[(table, case, server)].append(tuple(float(x) for x in f[3:6]))
        except ValueError:
            continue  # a run that printed no numbers (wrk error): left out of the medians
        if case not in cases[table]:
            cases[table].append(case)

    def stats(key):
        r = runs.get(key, [])
        return med([x[0] for x in r]), med([x[1] for x in r]), med([x[2] for x in r]), len(r)

    print("\nHTTP, wrk -t2 -c64 (medians of rounds; latency per request, per batch of 16 when pipelined)")
    print(f"{'case':<12} {'dx req/s':>10} {'p50 ms':>7} {'p99 ms':>7} | {'nginx req/s':>11} {'p50 ms':>7} {'p99 ms':>7} | {'dx/nginx':>8}  n")
    for case in cases["http"]:
        d, n = stats(("http", case, "dx")), stats(("http", case, "nginx"))
        ratio = d[0] / n[0] if n[0] else float("nan")
        print(f"{case:<12} {d[0]:>10.0f} {d[1]:>7.2f} {d[2]:>7.2f} | {n[0]:>11.0f} {n[1]:>7.2f} {n[2]:>7.2f} | {ratio:>7.2f}x  {min(d[3], n[3])}")

    if cases["hbtp"]:
        print("\nHBTP (dx-hbtp-load, one thread per connection) vs HTTP (wrk -t1) on the same dx-server, 8 connections, 32 B")
        print(f"{'case':<20} {'req/s':>10} {'p50 ms':>7} {'p99 ms':>7} {'vs HTTP':>8}")
        for case in cases["hbtp"]:
            s = stats(("hbtp", case, "dx"))
            base = stats(("hbtp", "http-32b-c8-pipe16" if case.endswith("pipe16") else "http-32b-c8", "dx"))
            ratio = s[0] / base[0] if base[0] else float("nan")
            p99 = f"{s[2]:>7.2f}" if s[2] > 0 else f"{'-':>7}"  # wrk -t1 prints no usable p99 when pipelined
            print(f"{case:<20} {s[0]:>10.0f} {s[1]:>7.2f} {p99} {ratio:>7.2f}x")

    if mem:
        print(f"\nMemory for {idle} idle keep-alive connections (RSS delta of the server processes)")
        for server, (before, after) in mem.items():
            delta = after - before
            print(f"{server:<6} {before / 1024:>7.1f} MB -> {after / 1024:>7.1f} MB: +{delta / 1024:.1f} MB, "
                  f"{delta * 1024 / max(idle, 1):.0f} B per connection")


if __name__ == "__main__":
    main()
