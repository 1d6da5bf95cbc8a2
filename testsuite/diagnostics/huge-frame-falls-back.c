// A local of 4 GiB or more that lives across a suspension point would make
// a frame larger than the frame header can describe: the coroutine takes
// the stackful form instead, with a warning, and the output compiles.
// RUN: %yieldc %s -o %t.c 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: %cc -c %t.c -o %t.o

#include <yieldc.h>

YC_COROUTINE int f(void) {
    static char *keep;
    char huge[5000000000];
    keep = huge;
    YC_YIELD();
    return keep[0];
}
// CHECK: huge-frame-falls-back.c:[[# @LINE - 5]]:10: warning: coroutine 'f' is lowered to the stackful form (it runs on its own stack) because of a frame of 2 GiB or more
