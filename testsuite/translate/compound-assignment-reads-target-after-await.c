// `x op= YC_AWAIT(f())` hoists the await and keeps the compound assignment
// on its temporary, so the target is read after the callee returns and an
// lvalue with a side effect (`a[i++]`) is still evaluated once.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

YC_COROUTINE int g(int x);

// CHECK-LABEL: {{^}}int yc__f_step(struct yc__frame *yc__fp, struct yc__sched *yc__s) {
YC_COROUTINE int f(int *a, int i) {
    int x = 1;
    x += YC_AWAIT(g(x));
    // CHECK: {{^ *}}{ yc__cf = yc__g_start(yc__s, &yc__f->yc__res.yc__hdr, yc__f->x);
    // CHECK-SAME: yc__[[T1:t[0-9]+]] = ((struct yc__g_res *)yc__cf)->yc__ret; yc__frame_free(yc__s, yc__cf); yc__f->x += yc__[[T1]]; }
    a[i++] *= YC_AWAIT(g(2));
    // CHECK: {{^ *}}{ yc__cf = yc__g_start(yc__s, &yc__f->yc__res.yc__hdr, 2);
    // CHECK-NOT: i++
    // CHECK-SAME: yc__[[T2:t[0-9]+]] = ((struct yc__g_res *)yc__cf)->yc__ret; yc__frame_free(yc__s, yc__cf); yc__f->a[yc__f->i++] *= yc__[[T2]]; }
    return x + i;
}
