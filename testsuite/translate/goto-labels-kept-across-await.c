// goto and labels stay as written in the step function: a label in front
// of an awaiting statement labels the statement's hoisted await, so a
// backward goto runs the await again, and a forward goto skips code; the
// frame holds the locals that the jumps carry.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

YC_COROUTINE int g(int x);

// CHECK: {{^}}struct yc__f_frame { struct yc__f_res yc__res; int n; int acc; };
// CHECK-LABEL: {{^}}int yc__f_step(struct yc__frame *yc__fp, struct yc__sched *yc__s) {
YC_COROUTINE int f(int n) {
    int acc = 0;
again:
    acc += YC_AWAIT(g(n));
    // CHECK: {{^}}again:
    // CHECK-NEXT: {{^ *}}{ yc__cf = yc__g_start(yc__s, &yc__f->yc__res.yc__hdr, yc__f->n);
    // CHECK-SAME: yc__f->acc += yc__{{t[0-9]+}}; }
    if (--n > 0)
        goto again;
    // CHECK: {{^ *}}if (--yc__f->n > 0)
    // CHECK-NEXT: {{^ *}}goto again;
    goto done;
    // CHECK: {{^ *}}goto done;
    acc = -1;
done:
    return acc;
    // CHECK: {{^}}done:
    // CHECK-NEXT: {{^ *}}return (yc__f->yc__res.yc__ret = (yc__f->acc), YC__DONE);
}
