#!/usr/bin/env python3
"""server_bench.py - row 10 of the benchmark table: the example servers
against a real server and a hand-written one, in requests per second
(higher is better; the ratio is example / baseline).

  (a) examples/kv against redis-server (started on a free port with
      --save '' --appendonly no) under
      redis-benchmark -q --csv -t set,get -n N -c 50, without pipelining
      and with -P 16. Target: kv at least 0.9x redis-server.
  (b) examples/http against bench/http_epoll.c (one thread, epoll, the
      same parser and response bytes) under
      wrk -t2 -c1000 -d DURATION http://.../hello.

The two servers of a comparison run alternately, REPS times each after
one warm-up run each, and each line gives the median and min - max. A
missing tool (redis-server, redis-benchmark, wrk) or program makes its
lines print as skipped. run_bench.py runs this as
`server_bench.py --csv FILE --kv ... --http ... --http-epoll ...`; by
hand, the same, or `--build DIR` to take the programs from a build tree.
"""
import argparse
import csv
import os
import re
import resource
import select
import shutil
import socket
import statistics
import subprocess
import sys
import time

FIELDS = ["row", "operation", "implementation", "metric", "median", "min",
          "max", "instr_per_op", "ratio_yieldc_over_this", "note"]
CLIENTS = 50          # redis-benchmark -c
PIPELINE = 16         # redis-benchmark -P, the second mode
REQUESTS = {1: 50000, PIPELINE: 400000}  # -n per run, per pipeline depth
WRK_CONNS = 1000      # wrk -c
KV_TARGET = 0.9       # kv / redis-server throughput, at least


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def raise_fd_limit():
    """1000 connections need more fds than the usual soft limit; the
    servers and clients started from here inherit the hard limit."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, timeout=10):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            socket.create_connection(("127.0.0.1", port), 1).close()
            return True
        except OSError:
            time.sleep(0.05)
    return False


class Proc:
    """A server process; port from its "listening on" line, or given."""

    def __init__(self, cmd, port=None):
        self.p = subprocess.Popen(cmd, stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, text=True)
        if port is None:
            ready, _, _ = select.select([self.p.stdout], [], [], 10)
            line = self.p.stdout.readline() if ready else ""
            m = re.search(r"listening on [0-9.]+:(\d+)", line)
            if not m:
                self.stop()
                raise RuntimeError("%s did not start: %r" % (cmd[0], line))
            port = int(m.group(1))
        elif not wait_port(port):
            self.stop()
            raise RuntimeError("%s did not start" % cmd[0])
        self.port = port

    def stop(self):
        self.p.terminate()
        try:
            self.p.wait(10)
        except subprocess.TimeoutExpired:
            self.p.kill()
            self.p.wait()


def row(op, impl, samples, ratio="", note=""):
    return {"row": "10", "operation": op, "implementation": impl,
            "metric": "req/s", "median": "%.0f" % statistics.median(samples),
            "min": "%.0f" % min(samples), "max": "%.0f" % max(samples),
            "instr_per_op": "", "ratio_yieldc_over_this": ratio,
            "note": note}


def skipped(op, impl, why):
    return {"row": "10", "operation": op, "implementation": impl,
            "metric": "req/s", "median": "", "min": "", "max": "",
            "instr_per_op": "", "ratio_yieldc_over_this": "",
            "note": "skipped: " + why}


def compare(op, names, samples, note=""):
    """Two lines: the example, then the baseline with the ratio of the
    medians (example / baseline: above 1, the example is faster)."""
    a, b = (statistics.median(samples[n]) for n in names)
    return [row(op, names[0], samples[names[0]]),
            row(op, names[1], samples[names[1]], "%.3g" % (a / b),
                note or "req/s: higher is better")]


# ------------------------------------------------------------------ #
# (a) kv against redis-server


def redis_benchmark(port, pipeline):
    """One redis-benchmark run; returns {"SET": rps, "GET": rps}."""
    cmd = ["redis-benchmark", "-h", "127.0.0.1", "-p", str(port), "-q",
           "--csv", "-t", "set,get", "-n", str(REQUESTS[pipeline]), "-c",
           str(CLIENTS), "-P", str(pipeline)]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=300,
                         check=True).stdout
    rps = {}
    for rec in csv.reader(out.splitlines()):
        if len(rec) >= 2 and rec[0] in ("SET", "GET"):
            rps[rec[0]] = float(rec[1])
    if len(rps) != 2:
        raise RuntimeError("redis-benchmark printed no SET/GET: %r" % out)
    return rps


def kv_rows(args):
    ops = ["%s, %d clients%s" % (t, CLIENTS, p > 1 and ", -P %d" % p or "")
           for p in (1, PIPELINE) for t in ("SET", "GET")]
    names = ["yieldc kv example", "redis-server"]
    why = (not args.kv and "kv example not built" or
           not shutil.which("redis-server") and "redis-server not found" or
           not shutil.which("redis-benchmark") and
           "redis-benchmark not found")
    if why:
        return [skipped("kv " + op, n, why) for op in ops for n in names]
    version = subprocess.run(["redis-server", "--version"],
                             capture_output=True, text=True).stdout
    m = re.search(r"v=([0-9.]+)", version)
    names[1] = "redis-server " + (m.group(1) if m else "")
    rport = free_port()
    servers = {names[0]: Proc([args.kv, "--port", "0"]),
               names[1]: Proc(["redis-server", "--port", str(rport),
                               "--bind", "127.0.0.1", "--save", "",
                               "--appendonly", "no"], rport)}
    rows = []
    try:
        for pipeline in (1, PIPELINE):
            log("server_bench: kv vs redis-server, -P %d" % pipeline)
            got = {(t, n): [] for t in ("SET", "GET") for n in names}
            for rep in range(args.reps + 1):
                for n in names:  # alternating
                    rps = redis_benchmark(servers[n].port, pipeline)
                    if rep:  # the first round is the warm-up
                        for t in ("SET", "GET"):
                            got[(t, n)].append(rps[t])
            for t in ("SET", "GET"):
                op = "kv %s, %d clients%s" % (
                    t, CLIENTS, pipeline > 1 and ", -P %d" % pipeline or "")
                rows += compare(op, names, {n: got[(t, n)] for n in names},
                                "req/s: higher is better; target >= %g"
                                % KV_TARGET)
    finally:
        for s in servers.values():
            s.stop()
    return rows


def kv_threads_rows(args):
    """(c) kv --threads 2 against kv --threads 1 (issue 14), under
    redis-benchmark --threads 2. The client shares the machine's cores
    with the server, so the ratio has no target: it is reported."""
    ops = ["kv %s, %d clients, redis-benchmark --threads 2" % (t, CLIENTS)
           for t in ("SET", "GET")]
    names = ["yieldc kv --threads 2", "yieldc kv --threads 1"]
    why = (not args.kv and "kv example not built" or
           not shutil.which("redis-benchmark") and
           "redis-benchmark not found")
    if why:
        return [skipped(op, n, why) for op in ops for n in names]
    servers = {names[0]: Proc([args.kv, "--port", "0", "--threads", "2"]),
               names[1]: Proc([args.kv, "--port", "0", "--threads", "1"])}
    got = {(t, n): [] for t in ("SET", "GET") for n in names}
    try:
        log("server_bench: kv --threads 2 vs --threads 1")
        for rep in range(args.reps + 1):
            for n in names:  # alternating
                cmd = ["redis-benchmark", "-h", "127.0.0.1", "-p",
                       str(servers[n].port), "-q", "--csv", "-t", "set,get",
                       "-n", str(REQUESTS[1]), "-c", str(CLIENTS),
                       "--threads", "2"]
                out = subprocess.run(cmd, capture_output=True, text=True,
                                     timeout=300, check=True).stdout
                rps = {rec[0]: float(rec[1])
                       for rec in csv.reader(out.splitlines())
                       if len(rec) >= 2 and rec[0] in ("SET", "GET")}
                if rep and len(rps) == 2:
                    for t in ("SET", "GET"):
                        got[(t, n)].append(rps[t])
    finally:
        for p in servers.values():
            p.stop()
    rows = []
    for t, op in zip(("SET", "GET"), ops):
        rows += compare(op, names, {n: got[(t, n)] for n in names},
                        "req/s: higher is better; reported, no target "
                        "(the client shares the 2 cores)")
    return rows


# ------------------------------------------------------------------ #
# (b) http against the hand-written epoll server


def wrk(port, duration):
    """One wrk run; returns (requests/s, errors as text or "")."""
    cmd = ["wrk", "-t2", "-c%d" % WRK_CONNS, "-d%ds" % duration,
           "http://127.0.0.1:%d/hello" % port]
    out = subprocess.run(cmd, capture_output=True, text=True,
                         timeout=duration + 60, check=True).stdout
    m = re.search(r"Requests/sec:\s+([0-9.]+)", out)
    if not m:
        raise RuntimeError("wrk printed no Requests/sec: %r" % out)
    errors = re.findall(r"(Socket errors:.*|Non-2xx or 3xx responses:.*)",
                        out)
    return float(m.group(1)), "; ".join(e.strip() for e in errors)


def http_rows(args):
    op = "HTTP GET /hello, %d conns" % WRK_CONNS
    names = ["yieldc http example", "hand-written epoll (C)"]
    why = (not (args.http and args.http_epoll) and "http examples not built"
           or not shutil.which("wrk") and "wrk not found")
    if why:
        return [skipped(op, n, why) for n in names]
    servers = {names[0]: Proc([args.http, "--port", "0"]),
               names[1]: Proc([args.http_epoll, "--port", "0"])}
    got = {n: [] for n in names}
    errors = set()
    log("server_bench: http vs epoll, wrk -c%d -d%ds" % (WRK_CONNS,
                                                        args.duration))
    try:
        for rep in range(args.reps + 1):
            for n in names:
                rps, err = wrk(servers[n].port,
                               args.duration if rep else 1)
                if rep:
                    got[n].append(rps)
                    if err:
                        errors.add("%s: %s" % (n, err))
    finally:
        for s in servers.values():
            s.stop()
    note = "req/s: higher is better"
    if errors:
        note += "; wrk reported " + "; ".join(sorted(errors))
    return compare(op, names, got, note)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--csv", required=True, help="where the rows go")
    ap.add_argument("--build", help="a build tree to take the programs from")
    ap.add_argument("--kv")
    ap.add_argument("--http")
    ap.add_argument("--http-epoll")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--duration", type=int, default=5,
                    help="seconds per wrk run")
    args = ap.parse_args()
    if args.build:
        for name, rel in (("kv", "examples/kv"), ("http", "examples/http"),
                          ("http_epoll", "bench/http_epoll")):
            path = os.path.join(args.build, rel)
            if not getattr(args, name) and os.path.exists(path):
                setattr(args, name, path)
    raise_fd_limit()
    t0 = time.time()
    rows = kv_rows(args) + kv_threads_rows(args) + http_rows(args)
    with open(args.csv, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=FIELDS)
        w.writeheader()
        w.writerows(rows)
    for r in rows:
        print("%-32s %-26s %10s [%s - %s] %s %s" % (
            r["operation"], r["implementation"], r["median"], r["min"],
            r["max"], r["ratio_yieldc_over_this"], r["note"]))
    log("server_bench: took %.0f s" % (time.time() - t0))


if __name__ == "__main__":
    main()
