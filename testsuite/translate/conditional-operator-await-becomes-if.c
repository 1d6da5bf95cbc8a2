// `?:` with an await in an arm becomes an if statement whose branches each
// evaluate one arm into a temporary, so only the chosen arm is awaited; a
// void `?:` evaluates its arms for their effects only; an await in the
// condition alone is hoisted and the `?:` stays.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

YC_COROUTINE int g(int x);
YC_COROUTINE void v(void);

// CHECK-LABEL: {{^}}int yc__f_step(struct yc__frame *yc__fp, struct yc__sched *yc__s) {
YC_COROUTINE int f(int a) {
    int r = a ? YC_AWAIT(g(1)) : 2;
    // CHECK: {{^ *}}if (yc__f->a) { yc__cf = yc__g_start(yc__s, &yc__f->yc__res.yc__hdr, 1);
    // CHECK-SAME: yc__[[V:t[0-9]+]] = ((struct yc__g_res *)yc__cf)->yc__ret; yc__frame_free(yc__s, yc__cf);
    // CHECK-SAME: yc__[[R:t[0-9]+]] = yc__[[V]]; } else { yc__[[R]] = 2; } yc__f->r = yc__[[R]];
    a ? YC_AWAIT(v()) : YC_AWAIT(v());
    // CHECK: {{^ *}}do { if (yc__f->a) { yc__cf = yc__v_start(yc__s, &yc__f->yc__res.yc__hdr);
    // CHECK-SAME: } else { yc__cf = yc__v_start(yc__s, &yc__f->yc__res.yc__hdr);
    // CHECK-SAME: } } while (0);
    return YC_AWAIT(g(0)) ? r : 0;
    // CHECK: {{^ *}}{ yc__cf = yc__g_start(yc__s, &yc__f->yc__res.yc__hdr, 0);
    // CHECK-SAME: yc__[[C:t[0-9]+]] = ((struct yc__g_res *)yc__cf)->yc__ret;
    // CHECK-SAME: return (yc__f->yc__res.yc__ret = (yc__[[C]] ? yc__f->r : 0), YC__DONE); }
}
