// A static local and a block-scope extern declaration in a coroutine stay
// as written inside the step function, even across a suspension: they are
// not per-call state, so they are not copied into the frame.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

int shared_total;

// CHECK: {{^}}struct yc__next_id_frame { struct yc__next_id_res yc__res; int mine; };
// CHECK-LABEL: {{^}}int yc__next_id_step(struct yc__frame *yc__fp, struct yc__sched *yc__s) {
YC_COROUTINE int next_id(void) {
    static int counter = 100;
    // CHECK: {{^ *}}static int counter = 100;
    extern int shared_total;
    // CHECK: {{^ *}}extern int shared_total;
    int mine = ++counter;
    // CHECK: {{^ *}}yc__f->mine = ++counter;
    YC_YIELD();
    shared_total += mine;
    // CHECK: {{^ *}}shared_total += yc__f->mine;
    return mine + counter;
    // CHECK: {{^ *}}return (yc__f->yc__res.yc__ret = (yc__f->mine + counter), YC__DONE);
}
