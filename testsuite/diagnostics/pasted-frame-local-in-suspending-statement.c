// A frame local named in a macro argument that the macro also pastes, in a
// statement that awaits, is an error at the local, as for stringification;
// in a statement without a suspension point it is fine.
// RUN: rm -f %t.c
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not test -e %t.c

#include <yieldc.h>

#define KEEP(v) (v##_seen = 1, (v))

static int total_seen;

YC_COROUTINE int g(int i);

YC_COROUTINE int f(int x) {
    int total = x;
    YC_YIELD();
    total += KEEP(total);
    total = KEEP(total) + YC_AWAIT(g(x));
    // CHECK: pasted-frame-local-in-suspending-statement.c:[[# @LINE - 1]]:18: error: a macro stringifies or pastes this argument naming 'total', which lives in the frame; this is supported only in a statement without suspension points, for a local whose address is not taken
    // CHECK-NEXT: {{^}}    total = KEEP(total) + YC_AWAIT(g(x));
    // CHECK-NEXT: {{^}}                 ^
    return total + total_seen;
}
