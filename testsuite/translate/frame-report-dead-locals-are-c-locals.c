// Locals whose values are not needed after any suspension point stay C
// locals of the step function: ones used only before the first suspension,
// ones declared after the last one, a for variable and a block-scope
// temporary; only the parameter is saved in the frame (its argument slot
// shares the space, a union), and the C compiler's size
// of the frame struct agrees with the report.
// RUN: %yieldc --frame-report %s -o %t.c | FileCheck %s
// RUN: echo '_Static_assert(sizeof(struct yc__dead_locals_frame) == 32, "");' >> %t.c
// RUN: %cc -fsyntax-only %t.c

#include <yieldc.h>

YC_COROUTINE int dead_locals(int n) {
    int before = n * 2;
    int sum = before + 1;
    YC_YIELD();
    int after = n + 1;
    for (int i = 0; i < 3; i++)
        after += i;
    {
        int tmp = after;
        after = tmp * 2;
    }
    return after;
}
// CHECK-LABEL: frame of dead_locals:
// CHECK-NEXT: 0 16 header
// CHECK-NEXT: 16 4 result (int)
// CHECK-NEXT: 24 4 argument n (int)
// CHECK-NEXT: 24 4 param n (int)
// CHECK-NEXT: size 32 bytes, 1 suspension point
// CHECK-NEXT: C locals: before, sum, after, i, tmp
