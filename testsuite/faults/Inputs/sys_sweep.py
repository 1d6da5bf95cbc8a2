"""sys_sweep.py PROGRAM [PROGRAM...] - runs each PROGRAM (built from
sys_workload.c) once to count its calls of each wrapped function
(fail_sys.c), then once per call with that call failing, and sorts each
run into:

  handled  - it printed "done: tasks 1 fds 0 io_waits 0": the failure
             came back as an error code from the call that met it, and
             the program went on with nothing left behind;
  stopped  - it aborted with a "yieldc: ..." message: a scheduler's
             poller or a stack could not be made, the documented stop;
  failed   - anything else: a crash, a sanitizer report, wrong data, a
             hang (20 s), or a run that never reached the injected call.

Prints, per function, whether runs of each kind were seen, and
"failed: 0" when all is well."""
import re
import signal
import sys

import sweep


def classify(n, name, rc, out, err):
    if "injected: %s call %d fails" % (name, n) not in err:
        return "failed"
    if "Sanitizer" in err or "WRONG" in out:
        return "failed"
    if rc == 0 and "done: tasks 1 fds 0 io_waits 0" in out:
        return "handled"
    if rc == -signal.SIGABRT and re.search(r"^yieldc: ", err, re.M):
        return "stopped"
    return "failed"


def main(progs):
    kinds = {}
    failed = 0
    for prog in progs:
        rc, out, err = sweep.run([prog], {"YC_SYS_COUNT": "1"})
        if rc != 0 or "done: tasks 1 fds 0 io_waits 0" not in out:
            sys.exit("sys_sweep: the clean run failed: %r %r %r" %
                     (rc, out, err))
        for name, total in re.findall(r"^(\w+): (\d+)$", err, re.M):
            seen = kinds.setdefault(name, set())
            for n in range(1, int(total) + 1):
                rc, out, err = sweep.run([prog],
                                         {"YC_FAIL_SYS": "%s:%d" % (name, n)})
                kind = classify(n, name, rc, out, err)
                seen.add(kind)
                if kind == "failed":
                    failed += 1
                    print("%s %s:%d: status %s\n%s%s" %
                          (prog, name, n, rc, out, err[-2000:]))
    for name in sorted(kinds):
        print("%s: %s" % (name, ", ".join(sorted(kinds[name]))))
    print("failed: %d" % failed)


if __name__ == "__main__":
    main(sys.argv[1:])
