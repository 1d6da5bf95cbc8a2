// A `static inline` void coroutine with a struct parameter: its step and
// start functions are static, its frame has no result field but holds the
// struct parameter by value, `return;` finishes it, and its wrapper keeps
// the `static inline` prototype and is marked unused.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

struct vec {
    double x, y;
};

// CHECK: {{^}}struct yc__scale_res { struct yc__frame yc__hdr; };
// CHECK-NEXT: {{^}}static int yc__scale_step(struct yc__frame *yc__fp, struct yc__sched *yc__s);
// CHECK-NEXT: {{^}}static struct yc__frame *yc__scale_start(struct yc__sched *yc__s, struct yc__frame *yc__caller, struct vec, double, struct vec *);
// CHECK-NEXT: {{^}}struct yc__scale_frame { struct yc__scale_res yc__res; struct vec v; double k; struct vec *out; };
YC_COROUTINE static inline void scale(struct vec v, double k, struct vec *out) {
    YC_YIELD();
    out->x = v.x * k;
    // CHECK: {{^ *}}yc__f->out->x = yc__f->v.x * yc__f->k;
    out->y = v.y * k;
    return;
    // CHECK: {{^ *}}return YC__DONE;
}
// CHECK: {{^}}static struct yc__frame *yc__scale_start(struct yc__sched *yc__s, struct yc__frame *yc__caller, struct vec v, double k, struct vec *out) {
// CHECK-SAME: yc__f->v = v; yc__f->k = k; yc__f->out = out;
// CHECK: {{^}}YC_COROUTINE static inline void scale(struct vec v, double k, struct vec *out) __attribute__((unused));
// CHECK: {{^}}YC_COROUTINE static inline void scale(struct vec v, double k, struct vec *out) {
