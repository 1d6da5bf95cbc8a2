// A for statement whose clauses await: an awaiting init runs once before
// the loop, an awaiting condition moves to the top of the body with a
// break, and an awaiting increment moves to the end of the body behind a
// yc__cont_ label that `continue` jumps to, so the increment still runs.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

YC_COROUTINE int g(int x);

// CHECK-LABEL: {{^}}int yc__f_step(struct yc__frame *yc__fp, struct yc__sched *yc__s) {
YC_COROUTINE int f(int n) {
    int s = 0;
    for (int i = YC_AWAIT(g(0)); YC_AWAIT(g(i)) < n; i += YC_AWAIT(g(1))) {
    // CHECK: {{^ *}}{ yc__cf = yc__g_start(yc__s, &yc__f->yc__res.yc__hdr, 0);
    // CHECK-SAME: yc__[[T0:t[0-9]+]] = ((struct yc__g_res *)yc__cf)->yc__ret;
    // CHECK-SAME: yc__f->i = yc__[[T0]]; for (; ; ) { yc__cf = yc__g_start(yc__s, &yc__f->yc__res.yc__hdr, yc__f->i);
    // CHECK-SAME: yc__[[T1:t[0-9]+]] = ((struct yc__g_res *)yc__cf)->yc__ret;
    // CHECK-SAME: if (!(yc__[[T1]] < yc__f->n)) break; {
        if (i == 2)
            continue;
        // CHECK: {{^ *}}goto [[CONT:yc__cont_[0-9]+]];
        s += i;
    }
    // CHECK: {{^ *}}} [[CONT]]:; yc__cf = yc__g_start(yc__s, &yc__f->yc__res.yc__hdr, 1);
    // CHECK-SAME: yc__[[T2:t[0-9]+]] = ((struct yc__g_res *)yc__cf)->yc__ret;
    // CHECK-SAME: yc__f->i += yc__[[T2]]; } }
    return s;
}
