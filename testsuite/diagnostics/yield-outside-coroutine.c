// YC_YIELD in a function that is not a coroutine is an error at the yield,
// and no output file is written.
// RUN: rm -f %t.c
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not test -e %t.c

#include <yieldc.h>

void plain(void) {
    YC_YIELD();
    // CHECK: yield-outside-coroutine.c:[[# @LINE - 1]]:5: error: YC_YIELD outside a coroutine; mark the enclosing function YC_COROUTINE
    // CHECK-NEXT: {{^}}    YC_YIELD();
    // CHECK-NEXT: {{^}}    ^
}
