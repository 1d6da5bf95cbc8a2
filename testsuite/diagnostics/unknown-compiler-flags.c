// Flags that GCC knows and libclang does not (-fno-tree-vrp,
// -foptimize-strlen), as build files and compile_commands.json carry
// them, are dropped with a note, as clang-based tools do; the translation
// goes on and writes its output.
// RUN: rm -f %t.c
// RUN: %yieldc %s -o %t.c -- -O2 -fno-tree-vrp -foptimize-strlen -Wall 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: test -s %t.c
// CHECK: yieldc: note: ignoring '-foptimize-strlen', which libclang does not know

#include <yieldc.h>

YC_COROUTINE int f(int x) {
    YC_YIELD();
    return x;
}
