#!/usr/bin/env python3
"""Differential test of the yieldc translator on Csmith programs.

For each seed: generate a program with csmith, turn every one of its
functions (main included) into a coroutine -- YC_COROUTINE on every
declaration, every call of a program function awaited, and YC_YIELD();
at the start of every block -- translate it with yieldc, compile and run
both the original and the translation, and compare the checksums they
print. A seed whose original program does not finish in time is skipped.

usage: yc_csmith.py --yieldc PATH --cc CC --include DIR [--lib LIB]
                    [--stackful] [--work DIR] SEED|FIRST-LAST ...

CC must link the runtime itself when --lib is not given (the test suite's
yc-cc wrapper does).
"""
import argparse
import os
import re
import subprocess
import sys

CALL = re.compile(r"\b(func_\d+)\s*\(")
DECL = re.compile(r"^(static\s+)?[A-Za-z_].*\b(func_\d+|main)\s*\(")


def matching_paren(text, i):
    """Index of the ')' closing the '(' at text[i]."""
    depth = 0
    while i < len(text):
        c = text[i]
        if c in "\"'":
            j = i + 1
            while text[j] != c:
                j += 2 if text[j] == "\\" else 1
            i = j
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError("unbalanced parentheses")


def await_calls(text):
    """Wraps every call of a program function in YC_AWAIT(...)."""
    out, i = [], 0
    while True:
        m = CALL.search(text, i)
        if not m:
            out.append(text[i:])
            return "".join(out)
        open_paren = m.end() - 1
        close = matching_paren(text, open_paren)
        args = await_calls(text[open_paren + 1:close])
        out.append(text[i:m.start()])
        out.append("YC_AWAIT(%s(%s))" % (m.group(1), args))
        i = close + 1


def coroutinize(source):
    """Makes every function of a Csmith program a coroutine."""
    lines = []
    for line in source.split("\n"):
        if DECL.match(line) and not line.rstrip().endswith(";") or \
                DECL.match(line) and line.rstrip().endswith(");"):
            # A prototype or the head of a definition.
            name = DECL.match(line).group(2)
            head, rest = line.split(name, 1)
            lines.append("YC_COROUTINE " + head + name + rest)
        else:
            lines.append(await_calls(line))
    text = "\n".join(lines)
    text = re.sub(r"(\{ /\* block id: \d+ \*/)", r"\1 YC_YIELD();", text)
    return "#include <yieldc.h>\n" + text


def run(cmd, timeout, **kw):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout, **kw)
        return p.returncode, p.stdout.decode(errors="replace"), \
            p.stderr.decode(errors="replace")
    except subprocess.TimeoutExpired:
        return None, "", "timeout"


def check_seed(seed, args):
    """Returns 'pass', 'skip' (original fails or times out) or 'fail: ...'."""
    d = os.path.join(args.work, str(seed))
    os.makedirs(d, exist_ok=True)
    orig = os.path.join(d, "orig.c")
    coro = os.path.join(d, "coro.c")
    out = os.path.join(d, "coro.yc.c")
    rc, text, err = run(["csmith", "--seed", str(seed)], 60, cwd=d)
    if rc != 0:
        return "skip: csmith failed"
    with open(orig, "w") as f:
        f.write(text)
    with open(coro, "w") as f:
        f.write(coroutinize(text))
    cflags = ["-w", "-O1", "-I" + args.csmith_include, "-I" + args.include]
    rc, _, err = run([args.cc] + cflags + [orig, "-o", orig + ".bin"], 120)
    if rc != 0:
        return "skip: original does not compile"
    rc, expect, _ = run([orig + ".bin"], args.timeout)
    if rc is None or rc != 0:
        return "skip: original times out or fails"
    cmd = [args.yieldc, coro, "-o", out]
    if args.stackful:
        cmd.append("--stackful")
    rc, _, err = run(cmd + ["--", "-I" + args.csmith_include,
                            "-I" + args.include], 120)
    if rc != 0:
        return "fail: yieldc: " + err.strip().split("\n")[0]
    lib = [args.lib, "-lpthread"] if args.lib else []
    rc, _, err = run([args.cc] + cflags + [out] + lib + ["-o", out + ".bin"],
                     120)
    if rc != 0:
        return "fail: cc: " + err.strip().split("\n")[0]
    rc, got, err = run([out + ".bin"], args.timeout * 20)
    if rc is None:
        return "fail: translated program times out"
    if rc != 0 or got != expect:
        return "fail: output %r, expected %r (exit %s) %s" % (
            got.strip()[-40:], expect.strip()[-40:], rc, err.strip()[:200])
    return "pass"


def seeds_of(specs):
    for spec in specs:
        if "-" in spec:
            first, last = spec.split("-")
            yield from range(int(first), int(last) + 1)
        else:
            yield int(spec)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--yieldc", required=True)
    ap.add_argument("--cc", default="cc")
    ap.add_argument("--include", required=True, help="yieldc.h directory")
    ap.add_argument("--lib", help="libyieldc.a, if CC does not link it")
    ap.add_argument("--csmith-include", default="/usr/include/csmith")
    ap.add_argument("--work", default="csmith-work")
    ap.add_argument("--timeout", type=float, default=5.0,
                    help="seconds for the original program")
    ap.add_argument("--stackful", action="store_true")
    ap.add_argument("seeds", nargs="+")
    args = ap.parse_args()
    counts = {"pass": 0, "skip": 0, "fail": 0}
    for seed in seeds_of(args.seeds):
        verdict = check_seed(seed, args)
        kind = verdict.split(":")[0]
        counts[kind] += 1
        print("seed %d: %s" % (seed, verdict), flush=True)
    print("csmith: %d passed, %d failed, %d skipped" %
          (counts["pass"], counts["fail"], counts["skip"]))
    return 1 if counts["fail"] else 0


if __name__ == "__main__":
    sys.exit(main())
