#!/usr/bin/env python3
"""yc_mutate.py - mutation fuzzing of the yieldc translator.

Takes C files that use yieldc (the test suite's), mutates each many times
(deletes, duplicates or swaps lines and tokens, wraps expressions in
YC_AWAIT, inserts YC_YIELD and stray characters, marks functions
YC_COROUTINE), and runs the translator on every mutant. A failure is:

  - a crash or an internal error: an exit status other than 0 and 1, a
    signal, a sanitizer report, "internal error" on stderr;
  - a hang: no answer within the timeout;
  - output that does not compile although the translator said yes (status
    0) and the mutant itself compiles as C (clang -fsyntax-only with the
    markers defined, as the translator parses it).

Run it against a translator built with YC_SANITIZE=address,undefined:

  python3 testsuite/fuzz/yc_mutate.py --yieldc build-asan/compiler/yieldc \\
      --include runtime/include --work /tmp/fuzz --seconds 1200 \\
      testsuite/run/*.c testsuite/translate/*.c

Failing mutants are kept in WORK/failures with the translator's stderr.
"""
import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import time

TOKEN = re.compile(r"[A-Za-z_][A-Za-z_0-9]*|\d+|\S")
CALL = re.compile(r"\b([a-z_][a-z_0-9]*)\s*\(([^()]*)\)")
EXTRA = ["{", "}", ";", "(", ")", ",", "#", "\\", "\"", "'", "/*", "*/",
         "YC_AWAIT(", "YC_YIELD();", "YC_SPAWN(", "YC_ASYNC(", "goto l;",
         "l:", "return", "0", "\0", "??/", "#define X(a) a##a\n",
         "({ 1; })", "&&l", "sizeof", "_Generic(", "__attribute__((", "..."]


def mutate(text, rng):
    lines = text.split("\n")
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(9)
        if not lines:
            break
        i = rng.randrange(len(lines))
        if op == 0:  # delete a line
            del lines[i]
        elif op == 1:  # duplicate a line
            lines.insert(i, lines[i])
        elif op == 2:  # swap two lines
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3:  # wrap a call in YC_AWAIT
            m = list(CALL.finditer(lines[i]))
            if m:
                c = rng.choice(m)
                lines[i] = (lines[i][:c.start()] + "YC_AWAIT(" + c.group(0) +
                            ")" + lines[i][c.end():])
        elif op == 4:  # insert a yield
            lines.insert(i, "YC_YIELD();")
        elif op == 5:  # insert a stray token
            toks = TOKEN.findall(lines[i])
            k = rng.randint(0, len(toks))
            toks.insert(k, rng.choice(EXTRA))
            lines[i] = " ".join(toks)
        elif op == 6:  # delete a token
            toks = TOKEN.findall(lines[i])
            if toks:
                del toks[rng.randrange(len(toks))]
                lines[i] = " ".join(toks)
        elif op == 7:  # mark a line's function coroutine
            lines[i] = "YC_COROUTINE " + lines[i]
        else:  # move a line into a macro
            lines[i:i + 1] = ["#define YC_FUZZ_M() " + lines[i],
                              "YC_FUZZ_M()"]
    return "\n".join(lines)


def run(cmd, timeout):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout)
        return p.returncode, p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return None, "timeout"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--yieldc", required=True)
    ap.add_argument("--include", required=True, help="yieldc.h directory")
    ap.add_argument("--cc", default="clang-14")
    ap.add_argument("--work", required=True)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=30)
    ap.add_argument("inputs", nargs="+")
    args = ap.parse_args()
    os.makedirs(os.path.join(args.work, "failures"), exist_ok=True)
    rng = random.Random(args.seed)
    corpus = [open(f, encoding="utf-8", errors="replace").read()
              for f in args.inputs]
    inc = "-I" + args.include
    env = dict(os.environ)
    env.setdefault("ASAN_OPTIONS", "detect_leaks=1")
    env.setdefault("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1")
    os.environ.update(env)
    end = time.time() + args.seconds
    n = accepted = failures = 0
    while time.time() < end:
        n += 1
        src = os.path.join(args.work, "m.c")
        out = os.path.join(args.work, "m.yc.c")
        text = mutate(rng.choice(corpus), rng)
        with open(src, "w", encoding="utf-8", errors="replace") as f:
            f.write(text)
        if os.path.exists(out):
            os.unlink(out)
        rc, err = run([args.yieldc, src, "-o", out, "--", inc], args.timeout)
        bad = None
        if rc is None:
            bad = "hang"
        elif rc not in (0, 1) or "internal error" in err or \
                "runtime error" in err or "Sanitizer" in err:
            bad = "crash (status %s)" % rc
        elif rc == 1 and os.path.exists(out):
            bad = "output written on failure"
        elif rc == 0:
            accepted += 1
            orc, _ = run([args.cc, "-fsyntax-only", "-w", "-DYC__TRANSLATING",
                          inc, src], args.timeout)
            if orc == 0:
                crc, cerr = run([args.cc, "-fsyntax-only", "-w", inc, out],
                                args.timeout)
                if crc != 0:
                    bad = "output does not compile"
                    err = cerr
        if bad:
            failures += 1
            keep = os.path.join(args.work, "failures", "f%d.c" % failures)
            shutil.copy(src, keep)
            with open(keep + ".txt", "w") as f:
                f.write(bad + "\n" + err)
            print("mutant %d: %s -> %s" % (n, bad, keep), flush=True)
    print("fuzz: %d mutants, %d accepted, %d failures" %
          (n, accepted, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
