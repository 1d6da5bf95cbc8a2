#!/usr/bin/env python3
"""threads_bench.py - row 11 of the benchmark table (issue 14):
micro-threads on every core, against the same programs as goroutines.

bench/threads_bench.c (yieldc) and bench/go/threads.go (built here with
`go build` when Go is installed) run the same cases, one process per
run, alternating, REPS times each after one warm-up; each line gives the
median wall time in seconds. The cases:

  parallel   100,000 tasks of about 10 us of arithmetic, joined through a
             group (Go: a WaitGroup); yieldc on 2 threads against yieldc
             on 1 (target: at least 1.8x faster) and against Go with
             GOMAXPROCS=2 (target: ahead)
  msort      a parallel merge sort of 4 M ints, YC_ASYNC_ANY + join; the
             same comparisons
  spawn      spawn + run + join of 1 M tasks: YC_SPAWN_ANY on 2 threads
             and YC_SPAWN on 1, against Go on 2 (target: ahead)
  pingpong   100,000 round trips over unbuffered channels between tasks
             on two threads, against Go on 2 threads (where the two
             goroutines usually share one) and Go with each goroutine
             locked to a thread of its own (target: ahead of Go)

Writes rows in run_bench.py's CSV format to --csv. By hand:

    threads_bench.py --bench B/bench/threads_bench --csv out.csv
"""
import argparse
import csv
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

FIELDS = ["row", "operation", "implementation", "metric", "median", "min",
          "max", "instr_per_op", "ratio_yieldc_over_this", "note"]
HERE = os.path.dirname(os.path.abspath(__file__))


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def run(cmd):
    """One run: the program prints "NANOSECONDS CHECK"."""
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=600,
                         check=True).stdout.split()
    return int(out[0]) / 1e9, out[1]


def build_go(out_dir):
    if not shutil.which("go"):
        return None, "go not found (Debian: golang-go)"
    exe = os.path.join(out_dir, "threads_go")
    env = dict(os.environ, GOCACHE=os.path.join(out_dir, "gocache"),
               GOPATH=os.path.join(out_dir, "gopath"), GO111MODULE="off")
    try:
        subprocess.run(["go", "build", "-o", exe,
                        os.path.join(HERE, "go", "threads.go")],
                       check=True, env=env, capture_output=True, timeout=600)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as e:
        return None, "go build failed: %s" % getattr(e, "stderr", e)
    return exe, ""


def line(op, impl, samples, ratio="", note=""):
    if not samples:
        return {"row": "11", "operation": op, "implementation": impl,
                "metric": "s", "median": "", "min": "", "max": "",
                "instr_per_op": "", "ratio_yieldc_over_this": "",
                "note": note}
    return {"row": "11", "operation": op, "implementation": impl,
            "metric": "s", "median": "%.4g" % statistics.median(samples),
            "min": "%.4g" % min(samples), "max": "%.4g" % max(samples),
            "instr_per_op": "", "ratio_yieldc_over_this": ratio,
            "note": note}


def measure(variants, reps):
    """variants: [(name, cmd or None)]; runs them alternately. Returns
    {name: [seconds]} and checks that every run's check value agrees."""
    times = {n: [] for n, _ in variants}
    checks = set()
    for rep in range(reps + 1):
        for name, cmd in variants:
            if cmd is None:
                continue
            t, check = run(cmd)
            checks.add(check)
            if rep:
                times[name].append(t)
    if len(checks) > 1:
        raise RuntimeError("the runs disagree: %s" % sorted(checks))
    return times


def operation(op, variants, reps, notes):
    """The first variant is yieldc's line; the others get yc/this."""
    log("threads_bench: %s" % op)
    times = measure(variants, reps)
    y = statistics.median(times[variants[0][0]])
    rows = [line(op, variants[0][0], times[variants[0][0]])]
    for name, cmd in variants[1:]:
        if cmd is None:
            rows.append(line(op, name, [], note=notes.get(name, "")))
            continue
        ratio = "%.3g" % (y / statistics.median(times[name]))
        rows.append(line(op, name, times[name], ratio, notes.get(name, "")))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bench", required=True, help="threads_bench")
    ap.add_argument("--csv", required=True)
    ap.add_argument("--reps", type=int, default=5)
    args = ap.parse_args()
    out_dir = os.path.dirname(os.path.abspath(args.csv))
    go, why = build_go(out_dir)
    b = args.bench

    def gocmd(case, threads, n):
        return [go, case, str(threads), str(n)] if go else None

    go_note = {"Go, GOMAXPROCS=2": why or "target: yieldc ahead (<= 1)",
               "Go, GOMAXPROCS=2, goroutines locked to threads":
               why or "target: yieldc ahead (<= 1)",
               "Go, GOMAXPROCS=2 (goroutines may share a thread)":
               why or "reported: Go runs both on one thread"}
    speedup = {"yieldc, 1 thread": "target: 2 threads >= 1.8x faster "
                                   "(ratio <= 0.556)"}
    rows = []
    for case, n, op in (("parallel", 100000,
                         "parallel: 100,000 tasks x 10 us"),
                        ("msort", 4000000, "parallel merge sort, 4 M ints")):
        rows += operation(op, [
            ("yieldc, 2 threads", [b, case, "2", str(n)]),
            ("yieldc, 1 thread", [b, case, "1", str(n)]),
            ("Go, GOMAXPROCS=2", gocmd(case, 2, n)),
            ("Go, GOMAXPROCS=1", gocmd(case, 1, n)),
        ], args.reps, dict(go_note, **speedup))
    rows += operation("spawn+run+join, 1 M tasks", [
        ("yieldc YC_SPAWN_ANY, 2 threads", [b, "spawn", "2", "1000000"]),
        ("Go, GOMAXPROCS=2", gocmd("spawn", 2, 1000000)),
    ], args.reps, go_note)
    rows += operation("spawn+run+join, 1 M tasks, one thread", [
        ("yieldc YC_SPAWN, 1 thread", [b, "spawnhere", "1", "1000000"]),
        ("Go, GOMAXPROCS=2", gocmd("spawn", 2, 1000000)),
        ("Go, GOMAXPROCS=1", gocmd("spawn", 1, 1000000)),
    ], args.reps, go_note)
    rows += operation("ping-pong across threads, 100,000 round trips", [
        ("yieldc shared channels, 2 threads", [b, "pingpong", "2", "100000"]),
        ("Go, GOMAXPROCS=2, goroutines locked to threads",
         gocmd("pingpong-locked", 2, 100000)),
        ("Go, GOMAXPROCS=2 (goroutines may share a thread)",
         gocmd("pingpong", 2, 100000)),
    ], args.reps, go_note)
    with open(args.csv, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=FIELDS)
        w.writeheader()
        w.writerows(rows)
    for r in rows:
        print("%-48s %-50s %8s [%s - %s] %s %s" % (
            r["operation"], r["implementation"], r["median"], r["min"],
            r["max"], r["ratio_yieldc_over_this"], r["note"]))


if __name__ == "__main__":
    main()
