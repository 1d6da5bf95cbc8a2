// const and volatile locals that live across a suspension: a const scalar
// cannot be reloaded by assignment, so it lives in its slot (declared
// without const there), initialized through a copy; a volatile one stays a
// C local, saved and reloaded; a struct with a const member, which cannot
// be assigned, is initialized as a C local and copied into its slot.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

YC_COROUTINE int g(int x);

struct fixed {
    const int id;
    int n;
};

// CHECK: {{^}}struct yc__f_frame { struct yc__f_res yc__res; int c; volatile int v; struct fixed fx; };
// CHECK: {{^}}#define yc__save_2 {{\\}}
// CHECK-NEXT: {{^}}    yc__f->v = v;
YC_COROUTINE int f(void) {
    const int c = YC_AWAIT(g(1));
    // CHECK: YC__FREE(); { int yc__v = yc__t1; YC__MEMCPY(&yc__f->c, &yc__v, sizeof yc__v); }
    volatile int v = 2;
    // CHECK: {{^ *}}volatile int v = 2;
    const struct fixed fx = {3, 4};
    // CHECK: {{^ *}}{ struct fixed yc__v = {3, 4}; YC__MEMCPY(&yc__f->fx, &yc__v, sizeof yc__v); }
    YC_YIELD();
    return c + v + fx.id;
    // CHECK: {{^ *}}return yc__f->c + v + yc__f->fx.id;
}
