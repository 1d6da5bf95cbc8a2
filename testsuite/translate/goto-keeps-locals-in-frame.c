// With a goto in the body, a local whose declaration follows a suspension
// point still lives in the frame: a backward goto can carry that
// suspension to a later use of the local (run/goto-past-initializer.c).
// RUN: %yieldc --frame-report %s | FileCheck %s

#include <yieldc.h>

YC_COROUTINE int f(void) {
    int pass = 0;
top:
    YC_YIELD();
    if (pass > 0)
        goto use;
    int x = 42;
use:
    if (++pass < 2)
        goto top;
    return x;
}
// CHECK-LABEL: frame of f:
// CHECK: local pass (int)
// CHECK-NEXT: local x (int)
