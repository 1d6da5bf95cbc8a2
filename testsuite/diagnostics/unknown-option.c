// An unknown option before `--` is a usage error that points at --help, and
// nothing is written; after `--` options belong to the compiler.
// RUN: rm -f %t.c
// RUN: not %yieldc --frobnicate %s -o %t.c 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not test -e %t.c
// RUN: %yieldc %s -o %t.c -- -DUNUSED_MACRO=1 -Wall
// RUN: test -e %t.c

// CHECK: {{^}}yieldc: error: unknown option '--frobnicate' (see yieldc --help)

#include <yieldc.h>

YC_COROUTINE int f(void) {
    YC_YIELD();
    return 1;
}
