"""io_sweep.py PROGRAM PROGRAM-POLL - runs io_workload.c's program (and
its build on the level-triggered poll backend) under each injected fault:
EINTR and short writes at several rates (every byte must arrive), short
reads and writes and spurious EAGAIN on the poll backend (the same: the
edge-triggered one trusts the kernel's EAGAIN and short reads to mean
"empty until the next report"), and ECONNRESET at every
one of the program's I/O calls in turn (the transfer fails cleanly).
Every run must end within 20 s with "done: tasks 1 fds 0 io_waits 0"
(main is the one task),
without wrong data, a crash or a sanitizer report. Prints a line per kind
and "failed: 0" when all is well."""
import os
import re
import sys

import sweep


def run(prog, fault, count=False):
    env = {"YC_IO_FAULT": fault}
    if count:
        env["YC_IO_COUNT"] = "1"
    return sweep.run([prog], env)


def clean(rc, out, err):
    return rc == 0 and "done: tasks 1 fds 0 io_waits 0" in out and \
        "WRONG" not in out and "Sanitizer" not in err


def main(prog, prog_poll):
    failed = 0
    # Faults a transfer must survive whole.
    whole = [(prog, "eintr:%d" % k) for k in (2, 3, 7)] + \
        [(prog, "shortw:%d" % k) for k in (1, 5, 64)] + \
        [(prog_poll, "eintr:3")] + \
        [(prog_poll, "short:%d" % k) for k in (1, 5, 64)] + \
        [(prog_poll, "eagain:%d" % k) for k in (2, 3, 7)]
    for p, fault in whole:
        rc, out, err = run(p, fault)
        if not (clean(rc, out, err) and "tcp ok" in out and "pipe ok" in out):
            failed += 1
            print("%s %s: status %s\n%s%s" % (os.path.basename(p), fault, rc,
                                             out, err[-1500:]))
    print("eintr, short, eagain: every byte arrived" if not failed else
          "eintr, short, eagain: FAILED")
    rc, out, err = run(prog, "", count=True)
    m = re.search(r"calls: (\d+)", err)
    if not (clean(rc, out, err) and m):
        sys.exit("io_sweep: the clean run failed: %r %r" % (out, err))
    total = int(m.group(1))
    errors = 0
    for n in range(1, total + 1):
        rc, out, err = run(prog, "reset:%d" % n)
        if not clean(rc, out, err):
            failed += 1
            print("reset:%d: status %s\n%s%s" % (n, rc, out, err[-1500:]))
        errors += "error" in out
    print("reset at each of %s calls: %s" % (
        "many" if total >= 50 else total,
        "some transfers failed cleanly" if errors else "no failure seen"))
    print("failed: %d" % failed)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
