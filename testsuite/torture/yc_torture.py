#!/usr/bin/env python3
"""Differential test of the yieldc translator on GCC's C torture tests.

For each test of gcc.c-torture/execute (taken at run time from Debian's
gcc-12-source tarball; builtins/ is left out, as its tests need their
-lib.c files and a harness of their own): make every function of the file
a coroutine and every call of one awaited (yc_instrument.py), translate it
with yieldc, compile and run both the original and the translation with the
same compiler and flags, and compare their exit status and standard output.

A test is skipped when clang rejects it (GCC-only features such as nested
functions), when it cannot be instrumented (it includes itself), when the
original does not compile with CC or does not exit 0 in time (torture
tests exit 0 on success and abort() on failure; some need options or
targets this run does not give them), or when skip.list names it (what it
checks is not kept by a translation to coroutines). Every other test
passes or fails; a failure is a translator failure (yieldc exits
non-zero), a compile failure (its output does not compile or link) or a
mismatch (the translation exits or prints differently, or times out).

The harness also asks `yieldc --emit=fallback` how each coroutine would be
lowered (without --stackful), and prints the share lowered as state
machines and why the others fall back to the stackful form.

usage: yc_torture.py --yieldc PATH --cc CC --include DIR [--include DIR]
                     [--lib LIB] [--stackful] [--work DIR] [--jobs N]
                     [--list FILE | NAME...]

NAMEs are paths under gcc.c-torture/execute (`20000112-1.c`,
`ieee/fp-cmp-1.c`); with none, every test runs. CC must link the runtime
itself when --lib is not given (the test suite's yc-cc wrapper does).
Exit status: 0 when no test failed.
"""
import argparse
import collections
import concurrent.futures
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SKIP_LIST = os.path.join(HERE, "skip.list")
TARBALL = "/usr/src/gcc-12/gcc-12.2.0-dfsg.tar.xz"
EXECUTE = "gcc/testsuite/gcc.c-torture/execute"
CFLAGS = ["-O1", "-w", "-std=gnu11", "-fno-strict-aliasing"]
LIBS = ["-lm"]
COMPILE_TIMEOUT = 120
# `yieldc --emit=fallback` prints "lowering of NAME: state machine" or
# "lowering of NAME: stackful", the reasons either after ", because of" on
# the same line or on indented lines of their own ("  because of ...").
FALLBACK_LINE = re.compile(r"^lowering of (\S+): (state machine|stackful)"
                           r"(?:, because of (.*))?$")
REASON_LINE = re.compile(r"^\s+because of (.*)$")


def run(cmd, timeout, **kw):
    """(exit status or None on timeout, stdout, stderr) of CMD."""
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           stdin=subprocess.DEVNULL, timeout=timeout, **kw)
        return p.returncode, p.stdout.decode(errors="replace"), \
            p.stderr.decode(errors="replace")
    except subprocess.TimeoutExpired:
        return None, "", "timeout"


def first_error(text):
    """The first line of TEXT that says what went wrong: an `error:` line
    (a linker's undefined reference rather than its closing collect2
    line), else its first line."""
    lines = [line.strip() for line in text.strip().split("\n")]
    for pattern in (r"error:", r"undefined reference|multiple definition",
                    r"error"):
        for line in lines:
            if re.search(pattern, line) and "collect2" not in line:
                return line
    return lines[0] if lines else ""


def save(d, name, text):
    """Keeps TEXT (a tool's stderr) as D/NAME for a look after the run."""
    with open(os.path.join(d, name), "w") as f:
        f.write(text)


def extract(tarball, work):
    """Extracts gcc.c-torture/execute from TARBALL under WORK/src once, and
    returns the execute directory. GCC's files are never kept in the
    repository: each run takes them from the installed package."""
    dest = os.path.join(work, "src")
    done = os.path.join(dest, ".extracted")
    if not os.path.exists(done):
        os.makedirs(dest, exist_ok=True)
        rc, _, err = run(["tar", "-xJf", tarball, "-C", dest, "--wildcards",
                          "*/" + EXECUTE + "/*"], 600)
        if rc != 0:
            sys.exit("yc_torture: cannot extract %s: %s" %
                     (tarball, first_error(err)))
        open(done, "w").close()
    for top in sorted(os.listdir(dest)):
        execute = os.path.join(dest, top, EXECUTE)
        if os.path.isdir(execute):
            return execute
    sys.exit("yc_torture: no %s in %s" % (EXECUTE, tarball))


def all_tests(execute):
    """Every test: execute/*.c and ieee/*.c (self-contained programs)."""
    names = sorted(n for n in os.listdir(execute) if n.endswith(".c"))
    ieee = os.path.join(execute, "ieee")
    if os.path.isdir(ieee):
        names += sorted("ieee/" + n for n in os.listdir(ieee)
                        if n.endswith(".c"))
    return names


def marker_header(includes):
    """The header that defines YC_COROUTINE and YC_AWAIT: the light
    yieldc/coroutine.h where the runtime has it, else yieldc.h."""
    for d in includes:
        if os.path.exists(os.path.join(d, "yieldc", "coroutine.h")):
            return "yieldc/coroutine.h"
    return "yieldc.h"


class Result:
    """What happened to one test."""

    def __init__(self, name, verdict, detail=""):
        self.name = name          # path under gcc.c-torture/execute
        self.verdict = verdict    # pass, skip, translator, compile, mismatch
        self.detail = detail      # why, for anything but pass
        self.lowerings = []       # (coroutine, stackful?, [reasons])
        self.plain = []           # reasons the instrumenter left one plain

    def line(self):
        kind = {"skip": "skipped", "translator": "translator failure",
                "compile": "compile failure", "mismatch": "mismatch"}
        return "%s: %s: %s" % (self.name, kind[self.verdict], self.detail)


def test_dir(name, args):
    """The directory of one test's files: one per lowering, so that both
    runs can share a work directory (and one extraction of the tests)."""
    return os.path.join(args.work, "t-stackful" if args.stackful else "t",
                        name.replace("/", "_")[:-2])


def check_test(name, execute, args, header):
    """Runs one test through instrument, translate, compile and run."""
    if name in args.skips:
        return Result(name, "skip", "on the skip list: " + args.skips[name])
    result = run_test(name, execute, args, header)
    # Paths in messages: relative to the test's directories.
    d = test_dir(name, args)
    for prefix in (d + "/", os.path.dirname(os.path.join(execute, name)) +
                   "/"):
        result.detail = result.detail.replace(prefix, "")
    return result


def run_test(name, execute, args, header):
    """The Result of one test that is not on the skip list."""
    src = os.path.join(execute, name)
    d = test_dir(name, args)
    os.makedirs(d, exist_ok=True)
    coro = os.path.join(d, "coro.c")
    out = os.path.join(d, "coro.yc.c")
    # Tests include files beside them (#include "fp-cmp-4.c").
    flags = CFLAGS + ["-I" + os.path.dirname(src)]
    includes = ["-I" + i for i in args.include]

    cmd = [sys.executable, os.path.join(HERE, "yc_instrument.py"), src,
           "-o", coro, "--header", header]
    if args.libclang:
        cmd += ["--libclang", args.libclang]
    rc, _, err = run(cmd + ["--"] + flags, COMPILE_TIMEOUT)
    save(d, "instrument.log", err)
    if rc == 2:
        return Result(name, "skip", "clang rejects: " +
                      first_error(err).split(": ", 1)[1])
    if rc == 3:
        return Result(name, "skip", "not instrumentable: " +
                      first_error(err).split("cannot instrument: ", 1)[-1])
    if rc != 0:
        return Result(name, "skip", "instrumenter failed: " +
                      (first_error(err) if rc is not None else "timeout"))
    plain = [line.split(" left a plain function: ", 1)[1]
             for line in err.split("\n") if " left a plain function: " in line]

    orig_bin = os.path.join(d, "orig.bin")
    rc, _, err = run([args.cc] + flags + [src, "-o", orig_bin] + LIBS,
                     COMPILE_TIMEOUT)
    if rc != 0:
        return Result(name, "skip", "original does not compile: " +
                      first_error(err))
    rc, expect, _ = run([orig_bin], args.timeout, cwd=d)
    if rc is None:
        return Result(name, "skip", "original times out")
    if rc != 0:
        return Result(name, "skip", "original exits with %d" % rc)

    result = translate_and_run(name, d, coro, out, flags, includes, expect,
                               args)
    result.plain = plain
    rc, text, _ = run([args.yieldc, "--emit=fallback", coro, "--"] + flags +
                      includes, COMPILE_TIMEOUT)
    if rc == 0:
        result.lowerings = lowerings(text)
    return result


def lowerings(text):
    """(coroutine, stackful?, [reasons]) from yieldc --emit=fallback."""
    found = []
    for line in text.split("\n"):
        m = FALLBACK_LINE.match(line.rstrip())
        if m:
            found.append((m.group(1), m.group(2) == "stackful",
                          [m.group(3)] if m.group(3) else []))
        elif found and REASON_LINE.match(line):
            found[-1][2].append(REASON_LINE.match(line).group(1))
    return found


def translate_and_run(name, d, coro, out, flags, includes, expect, args):
    """The verdict on the instrumented file CORO of a test whose original
    printed EXPECT and exited 0."""
    cmd = [args.yieldc, coro, "-o", out]
    if args.stackful:
        cmd.append("--stackful")
    rc, _, err = run(cmd + ["--"] + flags + includes, COMPILE_TIMEOUT)
    save(d, "yieldc.log", err)
    if rc != 0:
        return Result(name, "translator", first_error(err)
                      if rc is not None else "timeout")
    out_bin = os.path.join(d, "coro.bin")
    lib = [args.lib, "-lpthread"] if args.lib else []
    rc, _, err = run([args.cc] + flags + includes + [out, "-o", out_bin] +
                     lib + LIBS, COMPILE_TIMEOUT)
    save(d, "cc.log", err)
    if rc != 0:
        return Result(name, "compile", first_error(err)
                      if rc is not None else "timeout")
    # The translation may be slower (a nested scheduler per plain call of a
    # coroutine, stacks for the stackful form), not this much slower.
    rc, got, err = run([out_bin], args.timeout * 4, cwd=d)
    if rc is None:
        return Result(name, "mismatch", "translation times out")
    if rc != 0:
        return Result(name, "mismatch", "translation exits with %d: %s" %
                      (rc, first_error(err)[:200]))
    if got != expect:
        return Result(name, "mismatch", "output %r, expected %r" %
                      (got[-60:], expect[-60:]))
    return Result(name, "pass")


def reason_of(text):
    """A fallback or left-plain reason without its locations, so that
    equal reasons count together."""
    text = re.sub(r" at \S+:\d+:\d+", "", text)
    return re.sub(r"line \d+", "line N", text)


def summary(results):
    """Prints the non-passing tests, the lowering shares and the counts."""
    counts = collections.Counter(r.verdict for r in results)
    for r in sorted(results, key=lambda r: r.name):
        if r.verdict != "pass":
            print(r.line())
    coroutines = [lw for r in results for lw in r.lowerings]
    stackless = sum(1 for _, stackful, _ in coroutines if not stackful)
    if coroutines:
        print("stackless: %d of %d coroutines (%.1f%%)" %
              (stackless, len(coroutines), 100.0 * stackless /
               len(coroutines)))
    reasons = collections.Counter(reason_of(why)
                                  for _, _, whys in coroutines
                                  for why in whys)
    if reasons:
        print("fallback reasons:")
        for why, n in reasons.most_common():
            print("  %5d  %s" % (n, why))
    plain = collections.Counter(reason_of(why) for r in results
                                for why in r.plain)
    if plain:
        print("functions left plain by the instrumenter:")
        for why, n in plain.most_common():
            print("  %5d  %s" % (n, why))
    skips = collections.Counter(r.detail.split(":")[0] for r in results
                                if r.verdict == "skip")
    print("skipped: " + (", ".join("%d %s" % (n, why)
                                   for why, n in skips.most_common())
                         or "none"))
    print("failed: %d translator, %d compile, %d mismatch" %
          (counts["translator"], counts["compile"], counts["mismatch"]))
    failed = counts["translator"] + counts["compile"] + counts["mismatch"]
    print("torture: %d passed, %d failed, %d skipped" %
          (counts["pass"], failed, counts["skip"]))
    return failed


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--yieldc", required=True)
    ap.add_argument("--cc", default="cc")
    ap.add_argument("--include", required=True, action="append",
                    help="directory of yieldc.h (repeat to add more)")
    ap.add_argument("--lib", help="libyieldc.a, if CC does not link it")
    ap.add_argument("--stackful", action="store_true",
                    help="translate with yieldc --stackful")
    ap.add_argument("--work", default="torture-work")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=10.0,
                    help="seconds for the original program (the translation "
                    "gets four times as long)")
    ap.add_argument("--source", default=TARBALL,
                    help="GCC source tarball holding the torture tests")
    ap.add_argument("--libclang", help="libclang for the instrumenter")
    ap.add_argument("--list", help="file naming the tests, one a line "
                    "(# starts a comment)")
    ap.add_argument("--skip-list", default=SKIP_LIST,
                    help="tests to skip, with why (default: skip.list beside "
                    "this script)")
    ap.add_argument("--progress", action="store_true",
                    help="print each verdict on stderr as it comes")
    ap.add_argument("tests", nargs="*")
    args = ap.parse_args()
    args.work = os.path.abspath(args.work)
    args.include = [os.path.abspath(i) for i in args.include]

    start = time.time()
    execute = extract(args.source, args.work)
    names = list(args.tests)
    if args.list:
        with open(args.list) as f:
            names += [line.split("#")[0].strip() for line in f
                      if line.split("#")[0].strip()]
    if not names:
        names = all_tests(execute)
    missing = [n for n in names if not os.path.exists(os.path.join(execute,
                                                                   n))]
    if missing:
        sys.exit("yc_torture: no such test: " + ", ".join(missing))
    header = marker_header(args.include)
    args.skips = {}
    with open(args.skip_list) as f:
        for line in f:
            test, _, why = line.partition("#")
            if test.strip():
                args.skips[test.strip()] = why.strip()

    results = []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        futures = [pool.submit(check_test, n, execute, args, header)
                   for n in names]
        for future in concurrent.futures.as_completed(futures):
            r = future.result()
            results.append(r)
            if args.progress:
                sys.stderr.write("[%d/%d] %s\n" % (
                    len(results), len(names),
                    r.line() if r.verdict != "pass" else r.name + ": pass"))
    failed = summary(results)
    if args.progress:
        sys.stderr.write("%d tests in %.0f s\n" % (len(names),
                                                   time.time() - start))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
