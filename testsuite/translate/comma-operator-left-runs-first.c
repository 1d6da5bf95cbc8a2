// A comma whose right operand awaits: the left operand is emitted first as
// a statement of its own, then the await, so the callee sees the left
// operand's side effects; a void await on the left becomes ((void)0) in the
// remaining expression.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

YC_COROUTINE int g(int x);
YC_COROUTINE void v(void);

// CHECK-LABEL: {{^}}int yc__f_step(struct yc__frame *yc__fp, struct yc__sched *yc__s) {
YC_COROUTINE int f(int a) {
    int r = (a++, YC_AWAIT(g(a)));
    // CHECK: {{^ *}}(void)(yc__f->a++); yc__cf = yc__g_start(yc__s, &yc__f->yc__res.yc__hdr, yc__f->a);
    // CHECK-SAME: yc__[[T:t[0-9]+]] = ((struct yc__g_res *)yc__cf)->yc__ret;
    // CHECK-SAME: yc__f->r = ((yc__[[T]]));
    r = (YC_AWAIT(v()), r + a);
    // CHECK: {{^ *}}{ yc__cf = yc__v_start(yc__s, &yc__f->yc__res.yc__hdr);
    // CHECK-SAME: yc__frame_free(yc__s, yc__cf); yc__f->r = (((void)0), yc__f->r + yc__f->a); }
    return r;
}
