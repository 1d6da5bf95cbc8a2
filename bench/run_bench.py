#!/usr/bin/env python3
"""run_bench.py - the benchmark driver of issue 8: runs every benchmark
program, collects their rows, prints ONE table, writes the same numbers as
CSV (<out>/results.csv and docs/benchmarks.csv) and draws docs/benchmarks.svg
with gnuplot (skipped, with a message, when gnuplot is missing).

The programs (bench_micro, ctx_bench, runtime_bench) each write their rows
in one CSV format:
    row,operation,implementation,metric,median,min,max,instr_per_op,
    ratio_yieldc_over_this,note
where the first line of a (row, operation) group is yieldc and the others
are its baselines. Row 9 (the translator against clang -fsyntax-only) is
measured here. A program that was not built (its packages are missing) is
skipped with a note. Run by `cmake --build build --target bench`, which
passes the paths; by hand:

    run_bench.py --micro B/bench/bench_micro --ctx B/bench/ctx_bench \\
        --runtime B/bench/runtime_bench --yieldc B/compiler/yieldc \\
        --clang clang --include runtime/include --out B/bench --docs docs

Row 11 (micro-threads on every core, against Go) is bench/threads_bench.py,
run with --threads-bench PATH.

Row 10 (servers) is a hook: if bench/server_bench.py exists it is run as
`server_bench.py --csv FILE` (plus --kv, --http and --http-epoll when
given here) and must write rows in the format above; without it the
table shows a placeholder line. Its rows are throughputs (req/s), where
yc/this above 1 means yieldc is better.
"""
import argparse
import csv
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER_HOOK = os.path.join(HERE, "server_bench.py")  # row 10, optional
FIELDS = ["row", "operation", "implementation", "metric", "median", "min",
          "max", "instr_per_op", "ratio_yieldc_over_this", "note"]
REPS = 5  # row 9: timed runs of each tool, after one warm-up

# The issues' targets: (row, operation contains, implementation contains,
# limit). A ratio target applies to the yieldc/baseline ratio of the
# baseline's line, at most the limit (times), or at least it (">=", for
# throughputs); "instr" ones to the ratio of instructions per operation;
# "bytes" targets apply to yieldc's own median and "instr/op" ones to its
# own instructions per operation.
TARGETS = [
    ("1", "yield + resume", "hand-written", 1.2),
    ("1", "yield + resume", "C++20", 1.0),
    ("2", "await, no suspension", "noinline", 2.0),
    ("2", "await, no suspension", "C++20", 1.0),
    ("2", "await, could suspend", "noinline", 1.25),
    ("2", "evaluator", "plain C", 1.2),
    ("3", "yield, other task ready", "C++20", ("instr", 1.5)),
    ("3", "await+suspend, 2 tasks", "C++20", ("instr", 1.0)),
    ("4", "spawn", "C++20", 1.0),
    ("5", "memory", "yieldc stackless", ("bytes", 64)),
    ("6", "stackful switch", "boost", 1.0),
    ("7", "channel message", "yieldc", ("instr/op", 150)),
    ("7", "mutex hand-off", "yieldc", ("instr/op", 150)),
    ("7", "event wake-up", "yieldc", ("instr/op", 150)),
    ("9", "translate", "clang -fsyntax-only", 1.5),
    ("10", "kv ", "redis-server", (">=", 0.9)),
    ("11", "ping-pong", "locked to threads", 1.0),
    ("11", "parallel", "yieldc, 1 thread", 1 / 1.8),
    ("11", "parallel", "Go, GOMAXPROCS=2", 1.0),
    ("11", "spawn+run+join", "Go, GOMAXPROCS=2", 1.0),
]


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def run_program(name, cmd, out_dir):
    """Runs one benchmark program with --csv, its own output to a log
    file; returns its rows, or [] if it failed."""
    path = os.path.join(out_dir, name + ".csv")
    log_path = os.path.join(out_dir, name + ".log")
    log("bench: running %s (output in %s)" % (name, log_path))
    t0 = time.time()
    with open(log_path, "w") as lf:
        rc = subprocess.call(cmd + ["--csv", path], stdout=lf,
                             stderr=subprocess.STDOUT)
    log("bench: %s took %.0f s" % (name, time.time() - t0))
    if rc != 0 or not os.path.exists(path):
        log("bench: %s failed (exit %d), see %s" % (name, rc, log_path))
        return []
    with open(path) as f:
        return list(csv.DictReader(f))


def run_measured(cmd):
    """Runs cmd; returns (seconds, peak RSS in KiB of that child)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    secs = time.perf_counter() - t0
    if status != 0:
        raise RuntimeError("%s failed (status %d)" % (cmd[0], status))
    return secs, usage.ru_maxrss


def translator_rows(args):
    """Row 9: yieldc against clang -fsyntax-only on the same generated
    file, alternating, with the flags the translator parses with."""
    src = os.path.join(args.out, "translate_input.c")
    dst = os.path.join(args.out, "translate_output.c")
    subprocess.check_call([sys.executable,
                           os.path.join(HERE, "gen_translate_input.py"), src,
                           "--lines", "50000", "--coroutines", "1000"])
    inc = "-I" + args.include
    tools = [("yieldc", [args.yieldc, src, "-o", dst, "--", inc])]
    if args.clang:
        # yieldc defines YC__TRANSLATING while it parses, so that the
        # markers expand; clang gets the same, so both parse the same text.
        tools.append(("clang -fsyntax-only",
                      [args.clang, "-fsyntax-only", "-DYC__TRANSLATING", inc,
                       src]))
    log("bench: running the translator (row 9)")
    secs = {name: [] for name, _ in tools}
    rss = {name: [] for name, _ in tools}
    for rep in range(REPS + 1):
        for name, cmd in tools:
            s, kb = run_measured(cmd)
            if rep:  # the first round is the warm-up
                secs[name].append(s * 1e3)
                rss[name].append(kb / 1024)
    rows = []
    base = {}
    for metric, data, unit in (("time", secs, "ms"), ("peak RSS", rss,
                                                      "MiB")):
        for k, (name, _) in enumerate(tools):
            med = statistics.median(data[name])
            if k == 0:
                base[metric] = med
            ratio = "" if k == 0 else "%.3g" % (base[metric] / med)
            rows.append({
                "row": "9", "operation": "translate 50k lines, " + metric,
                "implementation": name + (" (1,000 coroutines)" if k == 0
                                          else ""),
                "metric": unit, "median": "%.1f" % med,
                "min": "%.1f" % min(data[name]),
                "max": "%.1f" % max(data[name]), "instr_per_op": "",
                "ratio_yieldc_over_this": ratio, "note": ""})
    # Instructions (callgrind): the stable measure on a shared machine,
    # where times vary by a third from run to run.
    if shutil.which("valgrind"):
        instr = {}
        for name, cmd in tools:
            instr[name] = callgrind_instructions(cmd)
        for k, (name, _) in enumerate(tools):
            if instr[name] is None:
                continue
            first = instr[tools[0][0]]
            ratio = "" if k == 0 or not first else "%.3g" % (
                first / instr[name])
            rows.append({
                "row": "9", "operation": "translate 50k lines, instructions",
                "implementation": name + (" (1,000 coroutines)" if k == 0
                                          else ""),
                "metric": "Minstr", "median": "%.1f" % (instr[name] / 1e6),
                "min": "", "max": "", "instr_per_op": "",
                "ratio_yieldc_over_this": ratio,
                "note": "valgrind --tool=callgrind"})
    if not args.clang:
        rows.append(placeholder("9", "translate", "clang -fsyntax-only",
                                "skipped: clang not found"))
    return rows


def callgrind_instructions(cmd):
    """Instructions cmd executes, counted by callgrind, or None."""
    p = subprocess.run(["valgrind", "--tool=callgrind",
                        "--callgrind-out-file=/dev/null"] + cmd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    m = re.search(r"Collected : (\d+)", p.stderr.decode("utf-8", "replace"))
    return int(m.group(1)) if p.returncode == 0 and m else None


def placeholder(row, operation, impl, note):
    return {"row": row, "operation": operation, "implementation": impl,
            "metric": "", "median": "", "min": "", "max": "",
            "instr_per_op": "", "ratio_yieldc_over_this": "", "note": note}


def server_rows(args):
    """Row 10: the hook for the server benchmarks."""
    if not os.path.exists(SERVER_HOOK):
        return [placeholder("10", "servers", "(not measured yet)",
                            "placeholder: add bench/server_bench.py")]
    cmd = [sys.executable, SERVER_HOOK]
    for opt in ("kv", "http", "http_epoll"):
        if getattr(args, opt):
            cmd += ["--" + opt.replace("_", "-"), getattr(args, opt)]
    return run_program("servers", cmd, args.out)


def threads_rows(args):
    """Row 11: micro-threads on every core, against Go
    (bench/threads_bench.py)."""
    if not args.threads_bench:
        return [placeholder("11", "threads", "(not built)",
                            "threads_bench not built (sanitizer build?)")]
    return run_program("threads", [sys.executable,
                                   os.path.join(HERE, "threads_bench.py"),
                                   "--bench", args.threads_bench], args.out)


def yieldc_line(r, rows):
    """The yieldc line of r's row and operation, or None."""
    for y in rows:
        if (y["row"] == r["row"] and y["operation"] == r["operation"]
                and y["implementation"].lower().startswith("yieldc")):
            return y
    return None


def target_of(r, rows):
    """The target that applies to row r and whether it is met, or ""."""
    for row, op, impl, limit in TARGETS:
        if (r["row"] != row or op not in r["operation"]
                or impl.lower() not in r["implementation"].lower()):
            continue
        if isinstance(limit, tuple) and limit[0] == "instr/op":
            if not r["instr_per_op"]:
                return ""
            ok = float(r["instr_per_op"]) <= limit[1]
            return "<=%g instr %s" % (limit[1], "met" if ok else "MISSED")
        if isinstance(limit, tuple) and limit[0] == "instr":
            y = yieldc_line(r, rows)
            if not y or not y["instr_per_op"] or not r["instr_per_op"]:
                return ""
            ratio = float(y["instr_per_op"]) / float(r["instr_per_op"])
            return "<=%gx instr: %.2f %s" % (
                limit[1], ratio, "met" if ratio <= limit[1] else "MISSED")
        if isinstance(limit, tuple) and limit[0] == ">=":
            if not r["ratio_yieldc_over_this"]:
                return ""
            ok = float(r["ratio_yieldc_over_this"]) >= limit[1]
            return ">=%g %s" % (limit[1], "met" if ok else "MISSED")
        if isinstance(limit, tuple):
            if not r["median"]:
                return ""
            ok = float(r["median"]) <= limit[1]
            return "<=%g B %s" % (limit[1], "met" if ok else "MISSED")
        if "RSS" in r["operation"] or not r["ratio_yieldc_over_this"]:
            return ""
        ok = float(r["ratio_yieldc_over_this"]) <= limit
        return "<=%g %s" % (limit, "met" if ok else "MISSED")
    return ""


def fmt(v):
    if v == "":
        return ""
    x = float(v)
    if abs(x) >= 100:
        return "%.0f" % x
    if abs(x) >= 10:
        return "%.1f" % x
    return "%.2f" % x


def print_table(rows):
    head = ["row", "operation", "implementation", "median", "[min - max]",
            "unit", "instr/op", "yc/this", "target", "note"]
    lines = []
    last = None
    for r in rows:
        key = (r["row"], r["operation"])
        spread = ("[%s - %s]" % (fmt(r["min"]), fmt(r["max"]))
                  if r["min"] else "")
        lines.append([r["row"] if key != last else "",
                      r["operation"] if key != last else "",
                      r["implementation"], fmt(r["median"]), spread,
                      r["metric"], r["instr_per_op"],
                      r["ratio_yieldc_over_this"], r["target"], r["note"]])
        last = key
    widths = [max(len(h), *(len(l[i]) for l in lines))
              for i, h in enumerate(head)]
    right = {3, 4, 6, 7}

    def show(cells):
        out = [c.rjust(w) if i in right else c.ljust(w)
               for i, (c, w) in enumerate(zip(cells, widths))]
        print("  ".join(out).rstrip())

    show(head)
    show(["-" * w for w in widths])
    for l in lines:
        show(l)


def write_markdown(path, rows):
    """The table again, as Markdown, for docs/benchmarks.md."""
    with open(path, "w") as f:
        f.write("| row | operation | implementation | median | min - max "
                "| unit | instr/op | yc/this | target |\n")
        f.write("| --- | --- | --- | ---: | ---: | --- | ---: | ---: | --- "
                "|\n")
        last = None
        for r in rows:
            key = (r["row"], r["operation"])
            spread = ("%s - %s" % (fmt(r["min"]), fmt(r["max"]))
                      if r["min"] else "")
            target = r["target"] or r["note"]
            f.write("| %s |\n" % " | ".join([
                r["row"] if key != last else "",
                r["operation"] if key != last else "",
                r["implementation"], fmt(r["median"]), spread, r["metric"],
                r["instr_per_op"], r["ratio_yieldc_over_this"],
                target.replace("MISSED", "**MISSED**")]))
            last = key


def write_csv(path, rows):
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=FIELDS + ["target"])
        w.writeheader()
        for r in rows:
            w.writerow({k: r.get(k, "") for k in FIELDS + ["target"]})


def plot(rows, out_dir, svg):
    """Draws the yieldc/baseline time ratios (log scale) with gnuplot."""
    gnuplot = shutil.which("gnuplot")
    if not gnuplot:
        log("bench: gnuplot not found, no plot (Debian: apt-get install "
            "gnuplot-nox)")
        return False
    data = os.path.join(out_dir, "ratios.dat")
    n = 0
    with open(data, "w") as f:
        for r in rows:
            ratio = r["ratio_yieldc_over_this"]
            if not ratio or r["metric"] not in ("ns/op", "ms"):
                continue
            label = "%s %s / %s" % (r["row"], r["operation"],
                                    r["implementation"])
            label = label if len(label) <= 60 else label[:57] + "..."
            f.write('%d %s "%s"\n' % (n, ratio, label.replace('"', "'")))
            n += 1
    script = """\
set terminal svg size 1100,760 dynamic noenhanced font 'sans,11' \
    background '#ffffff'
set output '{svg}'
set title 'yieldc time / baseline time, log scale (below 1: yieldc is faster)'
set logscale y
set format y '%g'
set ytics nomirror
set grid ytics
set xtics rotate by -50 left font ',9' nomirror
set xrange [-1:{n}]
set bmargin 22
set rmargin 20
set style fill solid 0.7 border -1
set boxwidth 0.7
unset key
plot '{data}' using 1:2:xtic(3) with boxes lc rgb '#4477aa', \\
     '' using 1:2:(sprintf('%.3g', $2)) with labels offset 0,0.7 font ',8', \\
     1 with lines lc rgb '#aa3333' dt 2
""".format(svg=os.path.abspath(svg), data=os.path.basename(data), n=n)
    # From the data's directory, so that the plot names only the file.
    p = subprocess.run([gnuplot], input=script, text=True,
                       capture_output=True, cwd=out_dir)
    if p.returncode != 0:
        log("bench: gnuplot failed: " + p.stderr.strip())
        return False
    return True


def machine():
    model, cores = "?", str(os.cpu_count())
    try:
        out = subprocess.run(["lscpu"], capture_output=True,
                             text=True).stdout
        for line in out.splitlines():
            k, _, v = line.partition(":")
            if k.strip() == "Model name":
                model = v.strip()
    except OSError:
        pass
    return "%s, %s cores, Linux %s, load average %.1f" % (
        model, cores, platform.release(), os.getloadavg()[0])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--micro")
    ap.add_argument("--ctx")
    ap.add_argument("--runtime")
    ap.add_argument("--yieldc", required=True)
    ap.add_argument("--clang")
    ap.add_argument("--kv", help="row 10: the kv example")
    ap.add_argument("--http", help="row 10: the http example")
    ap.add_argument("--http-epoll", help="row 10: bench/http_epoll.c")
    ap.add_argument("--threads-bench", help="row 11: bench/threads_bench.c")
    ap.add_argument("--include", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--docs")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    t0 = time.time()

    rows = []
    programs = [("micro", args.micro, "rows 1-5, 7, 8 (bench_micro)"),
                ("ctx", args.ctx, "row 6 (ctx_bench)"),
                ("runtime", args.runtime, "timer heaps (runtime_bench)")]
    for name, path, what in programs:
        if path:
            rows += run_program(name, [path], args.out)
        else:
            log("bench: %s not built (see the cmake messages), skipped" %
                what)
    rows += translator_rows(args)
    rows += server_rows(args)
    rows += threads_rows(args)
    # One table ordered by row number, each program's order kept within.
    rows.sort(key=lambda r: int(r["row"]))
    for r in rows:
        r["target"] = target_of(r, rows)

    print()
    print("yieldc benchmarks: %s" % machine())
    print("medians of 5+ runs, alternating with the baselines; yc/this = "
          "yieldc / that line (below 1: yieldc is better; for req/s rows, "
          "above 1)")
    print()
    print_table(rows)
    write_csv(os.path.join(args.out, "results.csv"), rows)
    write_markdown(os.path.join(args.out, "results.md"), rows)
    print()
    print("CSV: %s" % os.path.join(args.out, "results.csv"))
    if args.docs:
        write_csv(os.path.join(args.docs, "benchmarks.csv"), rows)
        svg = os.path.join(args.docs, "benchmarks.svg")
        if plot(rows, args.out, svg):
            print("plot: %s" % svg)
        print("CSV: %s" % os.path.join(args.docs, "benchmarks.csv"))
    print("took %.0f s" % (time.time() - t0))


if __name__ == "__main__":
    main()
