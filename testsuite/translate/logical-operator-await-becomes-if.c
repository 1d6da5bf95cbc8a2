// `&&` and `||` whose right operand awaits become an if statement before the
// statement, so the await runs only when C evaluates the right operand, and
// an int temporary holding 0 or 1 replaces the operator; an await in the
// left operand alone is simply hoisted, and the operator stays.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

YC_COROUTINE int g(int x);

// CHECK-LABEL: {{^}}int yc__f_step(struct yc__frame *yc__fp, struct yc__sched *yc__s) {
YC_COROUTINE int f(int a) {
    int r = a && YC_AWAIT(g(1));
    // CHECK: {{^ *}}if (yc__f->a) { yc__cf = yc__g_start(yc__s, &yc__f->yc__res.yc__hdr, 1);
    // CHECK-SAME: yc__[[V1:t[0-9]+]] = ((struct yc__g_res *)yc__cf)->yc__ret;
    // CHECK-SAME: yc__[[B1:t[0-9]+]] = (yc__[[V1]]) != 0; } else yc__[[B1]] = 0; yc__f->r = yc__[[B1]];
    r += a || YC_AWAIT(g(2));
    // CHECK: {{^ *}}{ if (yc__f->a) yc__[[B2:t[0-9]+]] = 1; else { yc__cf = yc__g_start(yc__s, &yc__f->yc__res.yc__hdr, 2);
    // CHECK-SAME: yc__[[V2:t[0-9]+]] = ((struct yc__g_res *)yc__cf)->yc__ret;
    // CHECK-SAME: yc__[[B2]] = (yc__[[V2]]) != 0; } yc__f->r += yc__[[B2]]; }
    return r + (YC_AWAIT(g(3)) && a);
    // CHECK: {{^ *}}{ yc__cf = yc__g_start(yc__s, &yc__f->yc__res.yc__hdr, 3);
    // CHECK-SAME: yc__[[V3:t[0-9]+]] = ((struct yc__g_res *)yc__cf)->yc__ret;
    // CHECK-SAME: return (yc__f->yc__res.yc__ret = (yc__f->r + (yc__[[V3]] && yc__f->a)), YC__DONE); }
}
