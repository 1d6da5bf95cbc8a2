// goto and labels stay as written in the step function: a label in front
// of an awaiting statement labels the statement's hoisted await, so a
// backward goto runs the await again, and a forward goto skips code; the
// locals the jumps carry are saved at the suspension point.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

YC_COROUTINE int g(int x);

// CHECK: {{^}}#define yc__save_1 {{\\}}
// CHECK-NEXT: {{^}}    yc__f->n = n; yc__f->acc = acc;
YC_COROUTINE int f(int n) {
    int acc = 0;
again:
    // CHECK: {{^}}again:
    acc += YC_AWAIT(g(n));
    // CHECK: {{^ *}}{ int yc__t1;{{$}}
    // CHECK-NEXT: {{^#line 18 }}
    // CHECK-NEXT: {{^ *}}yc__cf = YC__NEW(g, 1); yc__t1 = yc__g_step(yc__cf, yc__s, n);{{$}}
    // CHECK-NEXT: {{^#line 18 }}
    // CHECK-NEXT: {{^ *}}if (YC__SUSPENDED()) { yc__save_1 return yc__f_z;
    // CHECK-SAME: yc__resume_1: yc__load_1 YC__RESUMED(); yc__t1 = YC__RESULT(g); } YC__FREE();{{$}}
    // CHECK-NEXT: {{^#line 18 }}
    // CHECK-NEXT: {{^ *}}acc += yc__t1; }
    if (--n > 0)
        goto again;
    // CHECK: {{^ *}}goto again;
    goto done;
    acc = -1;
done:
    // CHECK: {{^}}done:
    return acc;
}
