// Taking the address of a local whose scope holds a suspension point pins
// the local in the frame: its declaration becomes the initialization of
// its slot and every use names the slot, so a pointer held across the
// suspension, or handed to an awaited callee, stays valid. The pointer
// itself is an ordinary local, saved across the suspension only if it is
// used after it.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

YC_COROUTINE void fill(int *out);

// CHECK: {{^}}struct yc__f_frame { struct yc__f_res yc__res; int v; int *p; int w; };
// CHECK: {{^}}#define yc__save_1 {{\\}}
// CHECK-NEXT: {{^}}    yc__f->p = p;
YC_COROUTINE int f(void) {
    int v = 1;
    // CHECK: {{^ *}}yc__f->v = 1;
    int *p = &v;
    // CHECK: {{^ *}}int *p = &yc__f->v;
    YC_AWAIT(fill(&v));
    // CHECK: {{^ *}}{ yc__cf = YC__NEW(fill, 1); yc__fill_step(yc__cf, yc__s, &yc__f->v);{{$}}
    // CHECK-NEXT: {{^#line 22 }}
    // CHECK-NEXT: {{^ *}}if (YC__SUSPENDED()) { yc__save_1 return yc__f_z;
    *p += 1;
    // CHECK: {{^ *}}*p += 1;
    int w = 5;
    int *q = &w;
    // CHECK: {{^ *}}int *q = &yc__f->w;
    *q = 6;
    return v + w;
    // CHECK: {{^ *}}return yc__f->v + yc__f->w;
}
