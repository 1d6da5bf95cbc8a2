// Locals stay C locals of the step function, declared as written; only the
// parameter and the local that live across the YC_YIELD get slots, saved
// there at the yield and reloaded after it. A local declared after the
// last suspension, a for variable and a block-scope temporary get none.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

// CHECK: {{^}}struct yc__counter_frame { struct yc__counter_res yc__res; union { struct { int n; } yc__a; struct { int n; int before; }; }; };
// CHECK: {{^}}#define yc__save_1 {{\\}}
// CHECK-NEXT: {{^}}    yc__f->n = n; yc__f->before = before;
// CHECK: {{^}}#define yc__load_1 {{\\}}
// CHECK-NEXT: {{^}}    n = yc__f->n; before = yc__f->before;
YC_COROUTINE int counter(int n) {
    int before = n * 2;
    // CHECK: {{^ *}}int before = n * 2;
    YC_YIELD();
    int after = before + n;
    // CHECK: {{^ *}}int after = before + n;
    for (int i = 0; i < 3; i++)
        after += i;
    // CHECK: {{^ *}}for (int i = 0; i < 3; i++)
    // CHECK-NEXT: {{^ *}}after += i;
    {
        int tmp = after;
        after = tmp * 2;
    }
    // CHECK: {{^ *}}int tmp = after;
    // CHECK-NEXT: {{^ *}}after = tmp * 2;
    return after;
    // CHECK: {{^ *}}return after;
}
