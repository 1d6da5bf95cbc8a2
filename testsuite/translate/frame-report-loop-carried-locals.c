// In a loop that suspends, a local declared before the loop and updated in
// it (and the loop variable) is saved in the frame, because the back edge
// carries its value past the suspension; a local of the loop body that is
// set before the await and read after it is saved too, while one that
// is set and used after the await within one iteration stays a C local.
// RUN: %yieldc --frame-report %s -o %t.c | FileCheck %s
// RUN: echo '_Static_assert(sizeof(struct yc__carried_frame) == 40, "");' >> %t.c
// RUN: %cc -fsyntax-only %t.c

#include <yieldc.h>

YC_COROUTINE int g(int x);

YC_COROUTINE int carried(int n) {
    int total = 0;
    for (int i = 0; i < n; i++) {
        int base = total;
        total += YC_AWAIT(g(i * 2));
        int scratch = total % 7;
        total += scratch - base;
    }
    return total;
}
// CHECK-LABEL: frame of carried:
// CHECK-NEXT: 0 16 header
// CHECK-NEXT: 16 4 result (int)
// CHECK-NEXT: 24 4 argument n (int)
// CHECK-NEXT: 24 4 param n (int)
// CHECK-NEXT: 28 4 local total (int)
// CHECK-NEXT: 32 4 local i (int)
// CHECK-NEXT: 36 4 local base (int)
// CHECK-NEXT: size 40 bytes, 1 suspension point
// CHECK-NEXT: C locals: scratch
