// A braced initializer of a frame local, designated or not, becomes an
// assignment from a compound literal of the local's type, so designators,
// nested braces and the zeroing of unnamed members keep their C meaning; an
// array is initialized as a C local and copied into the frame, and a plain
// C local keeps its declaration as written.
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

// CHECK: {{^}}struct yc__f_frame { struct yc__f_res yc__res; struct rec r; int arr[4]; };
// CHECK-LABEL: {{^}}int yc__f_step(struct yc__frame *yc__fp, struct yc__sched *yc__s) {
YC_COROUTINE int f(void) {
    struct rec r = {.in.b = 5, .id = 1};
    // CHECK: {{^ *}}yc__f->r = (struct rec){.in.b = 5, .id = 1};
    int arr[4] = {[2] = 7, [0] = 1};
    // CHECK: {{^ *}}{ int yc__v[4] = {[2] = 7, [0] = 1}; memcpy(&yc__f->arr, &yc__v, sizeof yc__v); }
    struct inner tmp = {.b = 3};
    // CHECK: {{^ *}}struct inner tmp = {.b = 3};
    r.in.a = tmp.b;
    YC_YIELD();
    return r.id + r.in.a + r.in.b + arr[2];
}
