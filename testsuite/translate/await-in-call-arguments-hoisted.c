// An await in a call argument is hoisted into statements before the
// statement, and the call takes its temporary; the other arguments stay in
// place. A nested await starts the inner callee first and passes its result
// to the outer start. The temporaries are C locals: each is used before
// the next suspension point (the outer await takes the inner result when
// it starts, before it suspends).
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

YC_COROUTINE int g(int x);
int plain(int a, int b);

// CHECK: {{^}}struct yc__f_frame { struct yc__f_res yc__res; int k; int r; };
// CHECK-LABEL: {{^}}int yc__f_step(struct yc__frame *yc__fp, struct yc__sched *yc__s) {
// CHECK-SAME: int yc__t1; int yc__t2; int yc__t3;
YC_COROUTINE int f(int k) {
    int r = plain(YC_AWAIT(g(1)), k);
    // CHECK: {{^ *}}yc__cf = yc__g_start(yc__s, &yc__f->yc__res.yc__hdr, 1);
    // CHECK-SAME: yc__f->yc__res.yc__hdr.state = [[S1:[0-9]+]]; if (YC__UNLIKELY(yc__g_step(yc__cf, yc__s))) return YC__SUSPENDED;
    // CHECK-SAME: if (0) { yc__resume_[[S1]]: yc__cf = yc__callee_done(yc__s); }
    // CHECK-SAME: yc__t1 = ((struct yc__g_res *)yc__cf)->yc__ret; yc__frame_free(yc__s, yc__cf);
    // CHECK-SAME: yc__f->r = plain(yc__t1, yc__f->k);
    r += plain(k, YC_AWAIT(g(YC_AWAIT(g(2)))));
    // CHECK: {{^ *}}{ yc__cf = yc__g_start(yc__s, &yc__f->yc__res.yc__hdr, 2);
    // CHECK-SAME: yc__t2 = ((struct yc__g_res *)yc__cf)->yc__ret;
    // CHECK-SAME: yc__cf = yc__g_start(yc__s, &yc__f->yc__res.yc__hdr, yc__t2);
    // CHECK-SAME: yc__t3 = ((struct yc__g_res *)yc__cf)->yc__ret;
    // CHECK-SAME: yc__f->r += plain(yc__f->k, yc__t3); }
    return r;
}
