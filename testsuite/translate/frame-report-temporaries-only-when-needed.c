// Temporaries that carry an await's value to the rest of its expression are
// C locals when no other suspension point comes between the await and the
// use (one await in an expression, an awaited loop condition); with two
// awaits in one expression, the first one's value must survive the second
// suspension, so its temporary is saved in the frame. A parameter not
// read after the first suspension is only an argument slot; the saved
// locals reuse its space.
// RUN: %yieldc --frame-report %s -o /dev/null | FileCheck %s

#include <yieldc.h>

YC_COROUTINE int g(int x);

YC_COROUTINE int one_await(int a) {
    int r = YC_AWAIT(g(a)) + 1;
    while (YC_AWAIT(g(r)) < 3)
        r++;
    return r;
}
// CHECK-LABEL: frame of one_await:
// CHECK-NEXT: 0 16 header
// CHECK-NEXT: 16 4 result (int)
// CHECK-NEXT: 24 4 argument a (int)
// CHECK-NEXT: 24 4 local r (int)
// CHECK-NEXT: size 32 bytes, 2 suspension points
// CHECK-NEXT: C locals: a

YC_COROUTINE int two_awaits(int a) {
    int r = YC_AWAIT(g(a)) * YC_AWAIT(g(2));
    return r;
}
// CHECK-LABEL: frame of two_awaits:
// CHECK-NEXT: 0 16 header
// CHECK-NEXT: 16 4 result (int)
// CHECK-NEXT: 24 4 argument a (int)
// CHECK-NEXT: 24 4 param a (int)
// CHECK-NEXT: 28 4 temp yc__t{{[0-9]+}} (int)
// CHECK: 2 suspension points
// CHECK-NEXT: C locals: r
