"""sweep.py - what the fault sweeps share: running a program once with
some environment, bounded in time."""
import os
import subprocess


def run(argv, extra_env, timeout=20):
    """Runs argv with extra_env added; returns (status, stdout, stderr),
    status "timeout" if it ran longer than timeout seconds."""
    env = dict(os.environ, **extra_env)
    try:
        p = subprocess.run(argv, env=env, capture_output=True, text=True,
                           timeout=timeout)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return "timeout", "", ""


def summary(total, counts, word, at_least):
    """The lines an out-of-memory sweep ends with: the number of
    allocations as `word` once there are at_least of them (so that the
    expected output does not change with each allocation added), whether
    runs of each kind were seen, and the failures."""
    print("allocations: %s" % (word if total >= at_least else total))
    print("handled: %s, stopped: %s" % (
        "some" if counts["handled"] else "none",
        "some" if counts["stopped"] else "none"))
    print("failed: %d" % counts["failed"])
