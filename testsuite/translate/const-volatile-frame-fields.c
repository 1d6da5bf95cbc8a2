// const and volatile locals that live across a suspension: a const scalar
// becomes a plain frame field assigned once, a volatile one keeps
// `volatile` on its field, and a struct with a const member, which cannot
// be assigned, is initialized as a C local and copied into the frame.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

YC_COROUTINE int g(int x);

struct fixed {
    const int id;
    int n;
};

// CHECK: {{^}}struct yc__f_frame { struct yc__f_res yc__res; int c; volatile int v; struct fixed fx; };
// CHECK-LABEL: {{^}}int yc__f_step(struct yc__frame *yc__fp, struct yc__sched *yc__s) {
YC_COROUTINE int f(void) {
    const int c = YC_AWAIT(g(1));
    // CHECK: {{^ *}}yc__cf = yc__g_start(yc__s, &yc__f->yc__res.yc__hdr, 1);
    // CHECK-SAME: yc__f->c = yc__{{t[0-9]+}};
    volatile int v = 2;
    // CHECK: {{^ *}}yc__f->v = 2;
    const struct fixed fx = {3, 4};
    // CHECK: {{^ *}}{ struct fixed yc__v = {3, 4}; memcpy(&yc__f->fx, &yc__v, sizeof yc__v); }
    YC_YIELD();
    return c + v + fx.id;
    // CHECK: {{^ *}}return (yc__f->yc__res.yc__ret = (yc__f->c + yc__f->v + yc__f->fx.id), YC__DONE);
}
