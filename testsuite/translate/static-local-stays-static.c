// A static local and a block-scope extern declaration in a coroutine stay
// as written inside the step function, even across a suspension: they are
// not per-call state, so they have no frame slot and are not saved.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

int shared_total;

// CHECK: {{^}}struct yc__next_id_frame { struct yc__next_id_res yc__res; int mine; };
// CHECK: {{^}}#define yc__save_1 {{\\}}
// CHECK-NEXT: {{^}}    yc__f->mine = mine;
// CHECK-LABEL: {{^}}int yc__next_id_step(struct yc__frame *yc__fp, struct yc__sched *yc__s) {
YC_COROUTINE int next_id(void) {
    static int counter = 100;
    // CHECK: {{^ *}}static int counter = 100;
    extern int shared_total;
    // CHECK: {{^ *}}extern int shared_total;
    int mine = ++counter;
    // CHECK: {{^ *}}int mine = ++counter;
    YC_YIELD();
    shared_total += mine;
    // CHECK: {{^ *}}shared_total += mine;
    return mine + counter;
    // CHECK: {{^ *}}return mine + counter;
}
