# lit configuration of the yieldc test suite: translate, compile, run, check.
import os
import platform

import lit.formats
import lit.util

if not hasattr(config, "yieldc_obj_root"):
    lit_config.fatal("run lit on the build tree (build/testsuite), or use "
                     "`cmake --build build --target check`")

# Every run test runs under both lowerings: the build has a second suite
# (testsuite-stackful) with lowering "stackful", in which %yieldc lowers
# every coroutine to the stackful form and only run tests are collected.
lowering = getattr(config, "lowering", "") or "statemachine"
config.name = "yieldc" if lowering == "statemachine" else "yieldc-stackful"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".test"]
config.excludes = ["Inputs", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(
    config.yieldc_obj_root,
    "testsuite" if lowering == "statemachine" else "testsuite-stackful")
if lowering == "stackful":
    config.excludes += ["translate", "diagnostics", "csmith", "torture",
                        "aarch64", "examples", "unit", "fuzz"]
    config.available_features.add("stackful")

# RUN lines say plain `FileCheck`, `not` and `split-file`.
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", "")])

# Sanitizer settings of the caller reach the programs under test.
for name in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
    if name in os.environ:
        config.environment[name] = os.environ[name]

# `--param valgrind=1` runs every built program under Valgrind; a Valgrind
# error or definite leak makes the program exit with 99.
use_valgrind = lit.util.pythonize_bool(lit_config.params.get("valgrind", "0"))
if use_valgrind and config.sanitize:
    lit_config.fatal("valgrind=1 does not work with a YC_SANITIZE build")
if use_valgrind:
    run = ("timeout 120 valgrind --error-exitcode=99 --leak-check=full "
           "--errors-for-leak-kinds=definite -q")
    config.available_features.add("valgrind")
else:
    # timeout(1) rather than lit's --timeout, which needs psutil.
    run = "timeout 20"

# Substitutions are tried in order, before lit's own (%s, %t, ...).
config.substitutions.append(
    ("%yieldc", config.yieldc + (" --stackful" if lowering == "stackful"
                                 else "")))
config.substitutions.append(("%cc", config.yc_cc))
# The unit tests' programs (testsuite/unit), built with the translator.
config.substitutions.append(
    ("%{unit}", os.path.join(config.yieldc_obj_root, "testsuite", "unit")))
config.substitutions.append(("%run", run))
# For the install test (testsuite/install): the build tree to install, the
# sources of the example projects, cmake and the C compiler of the build.
config.substitutions.append(("%{yieldc_obj_root}", config.yieldc_obj_root))
config.substitutions.append(("%{yieldc_src_root}", config.yieldc_src_root))
config.substitutions.append(("%{cmake}", getattr(config, "cmake", "cmake")))
config.substitutions.append(("%{c_compiler}", config.c_compiler))

# The format check (unit/format.test) needs clang-format.
import shutil
if shutil.which("clang-format"):
    config.available_features.add("clang-format")

machine = platform.machine().lower()
if machine in ("x86_64", "amd64"):
    config.available_features.add("x86_64")
elif machine in ("aarch64", "arm64"):
    config.available_features.add("aarch64")

# libFuzzer targets (testsuite/fuzz) need clang and its fuzzer runtime;
# built in the plain build only, as they carry their own sanitizers.
def have_libfuzzer():
    import shutil
    import subprocess
    if config.sanitize or config.context != "asm" or not shutil.which("clang"):
        return False
    try:
        out = subprocess.run(["clang", "-print-file-name=libclang_rt.fuzzer-"
                              + platform.machine() + ".a"],
                             capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return os.path.isabs(out.stdout.strip()) and \
        os.path.exists(out.stdout.strip())


if lowering == "statemachine" and have_libfuzzer():
    config.available_features.add("libfuzzer")

# A gcov build (YC_COVERAGE): what is installed needs libgcov to link.
if "--coverage" in config.c_flags.split():
    config.available_features.add("coverage")

# %cc probes large frames page by page (-fstack-clash-protection).
if config.stack_clash:
    config.available_features.add("stack-clash")

for sanitizer in config.sanitize.replace(",", ";").split(";"):
    if sanitizer == "address":
        config.available_features.add("asan")
    elif sanitizer == "undefined":
        config.available_features.add("ubsan")
    elif sanitizer == "thread":
        config.available_features.add("tsan")

# The Csmith differential tests need csmith and its headers (Debian's csmith
# and libcsmith-dev).
import shutil
import sys
if shutil.which("make"):
    config.available_features.add("make")
# The debugger tests (testsuite/debug) need gdb; %{yieldc_gdb} is the gdb
# script shipped with the runtime.
if shutil.which("gdb"):
    config.available_features.add("gdb")
# The editor test runs clangd on a coroutine file.
if shutil.which("clangd"):
    config.available_features.add("clangd")
# The compiler cache test.
if shutil.which("ccache"):
    config.available_features.add("ccache")
# The Debian package test: cpack (with cmake) and dpkg-deb.
if shutil.which("cpack") and shutil.which("dpkg-deb"):
    config.available_features.add("debian-package")
config.substitutions.append(
    ("%{yieldc_gdb}", os.path.join(config.yieldc_src_root, "runtime", "gdb",
                                   "yieldc-gdb.py")))
config.substitutions.append(("%python", sys.executable))
# The soak test holds 10,000 connections open at once: a client and a
# server fd each, in two processes.
import resource
if resource.getrlimit(resource.RLIMIT_NOFILE)[1] >= 10500:
    config.available_features.add("fds-10k")
# Clients that the example servers' tests talk to them with.
for tool in ("redis-cli", "curl", "openssl", "wrk"):
    if shutil.which(tool):
        config.available_features.add(tool)
if shutil.which("csmith") and os.path.exists("/usr/include/csmith/csmith.h"):
    config.available_features.add("csmith")
# The GCC torture differential tests need GCC's sources (Debian's
# gcc-12-source) and libclang's Python bindings (python3-clang-14), which
# the instrumenter's --self-check loads.
import subprocess
if os.path.exists("/usr/src/gcc-12/gcc-12.2.0-dfsg.tar.xz") and \
        subprocess.call([sys.executable,
                         os.path.join(config.test_source_root, "torture",
                                      "yc_instrument.py"), "--self-check"],
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL) == 0:
    config.available_features.add("gcc-torture")
