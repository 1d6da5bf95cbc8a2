// Designated initializers keep their C meaning: a local saved across a
// suspension keeps its declaration as written, a pinned struct is assigned
// from a compound literal of its type (designators, nested braces and the
// zeroing of unnamed members intact), and a pinned array is built in a C
// local and copied into its slot.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

struct inner {
    int a, b;
};

struct rec {
    int id;
    struct inner in;
};

// CHECK: {{^}}struct yc__f_frame { struct yc__f_res yc__res; struct rec r; int arr[4]; struct inner pinned; struct inner *p; };
YC_COROUTINE int f(void) {
    struct rec r = {.in.b = 5, .id = 1};
    // CHECK: {{^ *}}struct rec r = {.in.b = 5, .id = 1};
    int arr[4] = {[2] = 7, [0] = 1};
    // CHECK: {{^ *}}{ int yc__v[4] = {[2] = 7, [0] = 1}; YC__MEMCPY(&yc__f->arr, &yc__v, sizeof yc__v); }
    struct inner tmp = {.b = 3};
    struct inner pinned = {.b = 4}, *p = &pinned;
    // CHECK: {{^ *}}yc__f->pinned = (struct inner){.b = 4};{{$}}
    // CHECK-NEXT: {{^#line 27 }}
    // CHECK-NEXT: {{^ *}}struct inner *p = &yc__f->pinned;{{$}}
    r.in.a = tmp.b;
    YC_YIELD();
    return r.id + r.in.a + r.in.b + arr[2] + p->b;
}
