"""translator_oom_sweep.py YIELDC-OOM-TEST INPUT INCLUDE-DIR [MAX-RUNS] -
the out-of-memory sweep of the translator (fail_alloc.c linked in: the
Nth of its own allocations fails; libclang's are its own business). It
translates INPUT once to count the allocations and keep the output, then
once per allocation N - every one, or MAX-RUNS evenly spread - and sorts
each run into:

  handled - status 0 and the same output as the clean run;
  stopped - status 1, "yieldc: error: out of memory", and no output file
            (nothing partial is left behind);
  failed  - anything else, printed.

Prints the counts and "failed: 0" when all is well."""
import os
import re
import subprocess
import sys
import tempfile

import sweep


def main(yieldc, src, include, max_runs=0):
    work = tempfile.mkdtemp(prefix="yc-oom-")
    out = os.path.join(work, "out.c")

    def run(extra):
        if os.path.exists(out):
            os.unlink(out)
        env = dict(os.environ, **extra)
        p = subprocess.run([yieldc, src, "-o", out, "--", "-I" + include],
                           env=env, capture_output=True, text=True,
                           timeout=60)
        text = open(out).read() if os.path.exists(out) else None
        return p.returncode, p.stderr, text

    rc, err, clean = run({"YC_ALLOC_COUNT": "1"})
    m = re.search(r"allocations: (\d+)", err)
    if rc != 0 or clean is None or not m:
        sys.exit("translator_oom_sweep: the clean run failed: %r" % err)
    total = int(m.group(1))
    stride = 1 if not max_runs else max(1, -(-total // max_runs))
    counts = {"handled": 0, "stopped": 0, "failed": 0}
    for n in range(1, total + 1, stride):
        rc, err, text = run({"YC_FAIL_ALLOC": str(n)})
        if "injected: allocation %d fails" % n not in err:
            kind = "failed"
        elif rc == 0 and text == clean:
            kind = "handled"
        elif rc == 1 and "yieldc: error: out of memory" in err and \
                text is None and not os.listdir(work):
            kind = "stopped"
        else:
            kind = "failed"
        counts[kind] += 1
        if kind == "failed":
            print("allocation %d: status %s, output %s\n%s" % (
                n, rc, "kept" if text is not None else "none", err[-2000:]))
    sweep.summary(total, counts, "many", 1000)

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3],
         int(sys.argv[4]) if len(sys.argv) > 4 else 0)
