// Taking the address of a local whose scope holds a suspension point puts
// the local in the frame and takes the frame field's address, so a pointer
// held across the suspension, or handed to an awaited callee, stays valid;
// the pointer itself is a frame field only if it is used after the
// suspension.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

YC_COROUTINE void fill(int *out);

// CHECK: {{^}}struct yc__f_frame { struct yc__f_res yc__res; int v; int *p; int w; };
// CHECK-LABEL: {{^}}int yc__f_step(struct yc__frame *yc__fp, struct yc__sched *yc__s) {
YC_COROUTINE int f(void) {
    int v = 1;
    int *p = &v;
    // CHECK: {{^ *}}yc__f->p = &yc__f->v;
    YC_AWAIT(fill(&v));
    // CHECK: {{^ *}}do { yc__cf = yc__fill_start(yc__s, &yc__f->yc__res.yc__hdr, &yc__f->v);
    *p += 1;
    // CHECK: {{^ *}}*yc__f->p += 1;
    int w = 5;
    int *q = &w;
    // CHECK: {{^ *}}int *q = &yc__f->w;
    *q = 6;
    return v + w;
}
