// Locals that never live across a suspension stay C locals of the step
// function (a local declared after the last suspension, a for variable and
// a block-scope temporary of a block without suspensions): only the
// parameter and the local that lives across the YC_YIELD are in the frame.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

// CHECK: {{^}}struct yc__counter_frame { struct yc__counter_res yc__res; int n; int before; };
// CHECK-LABEL: {{^}}int yc__counter_step(struct yc__frame *yc__fp, struct yc__sched *yc__s) {
YC_COROUTINE int counter(int n) {
    int before = n * 2;
    // CHECK: {{^ *}}yc__f->before = yc__f->n * 2;
    YC_YIELD();
    int after = before + n;
    // CHECK: {{^ *}}int after = yc__f->before + yc__f->n;
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
    // CHECK: {{^ *}}return (yc__f->yc__res.yc__ret = (after), YC__DONE);
}
// CHECK-LABEL: {{^}}struct yc__frame *yc__counter_start(struct yc__sched *yc__s, struct yc__frame *yc__caller, int n) {
