"""oom_sweep.py PROGRAM [MAX-RUNS] - runs PROGRAM (built from
oom_workload.c) once to count its allocations, then once per allocation N
with allocation N failing - every one, or evenly spread MAX-RUNS of them
when there are more (under AddressSanitizer every frame is an allocation
of its own) - and sorts each run into:

  handled  - it printed "done": the failure was reported (YC_ENOMEM) and
             the program went on, or fell on memory nothing needed;
  stopped  - it aborted with "yieldc: out of memory ...": a coroutine
             frame or a scheduler could not be made, the documented stop;
  failed   - anything else: a crash, a sanitizer or leak report, another
             error, wrong data, a hang (20 s). Printed with its output.

Prints the counts and "failed: 0" when all is well."""
import re
import signal
import sys

import sweep


def run(prog, env):
    return sweep.run([prog], env)


def main(prog, max_runs=0):
    env = {"YC_ALLOC_COUNT": "1"}
    rc, out, err = run(prog, env)
    m = re.search(r"allocations: (\d+)", err)
    if rc != 0 or "done" not in out or not m:
        sys.exit("oom_sweep: the clean run failed: %r %r %r" % (rc, out, err))
    total = int(m.group(1))
    counts = {"handled": 0, "stopped": 0, "failed": 0}
    stride = 1 if not max_runs else max(1, -(-total // max_runs))
    for n in range(1, total + 1, stride):
        env = {"YC_FAIL_ALLOC": str(n)}
        rc, out, err = run(prog, env)
        if "injected: allocation %d fails" % n not in err:
            kind = "failed"  # the run took another path than the count
        elif rc == 0 and "done" in out:
            kind = "handled"
        elif rc == -signal.SIGABRT and "yieldc: out of memory" in err and \
                "Sanitizer" not in err:
            kind = "stopped"
        else:
            kind = "failed"
        counts[kind] += 1
        if kind == "failed":
            print("allocation %d: status %s\n%s%s" % (n, rc, out, err[-2000:]))
    sweep.summary(total, counts, "some", 20)

if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 0)
