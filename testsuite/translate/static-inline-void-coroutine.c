// A `static inline` void coroutine with a struct parameter: its generated
// functions are static, its result struct has no result field, its
// parameters are saved across the suspension by value, `return;` stays as
// written, its resume function passes a zero struct after a suspension,
// and its wrapper keeps the `static inline` definition.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

struct vec {
    double x, y;
};

// CHECK: {{^}}struct yc__scale_res { struct yc__frame yc__hdr; };
// CHECK-NEXT: {{^}}static YC__UNUSED void yc__scale_step(struct yc__frame *, struct yc__sched *, struct vec, double, struct vec *);
// CHECK: {{^}}struct yc__scale_frame { struct yc__scale_res yc__res; union { struct { struct vec v; double k; struct vec *out; } yc__a; struct { struct vec v; double k; struct vec *out; }; }; };
// CHECK: {{^}}#define yc__save_1 {{\\}}
// CHECK-NEXT: {{^}}    yc__f->v = v; yc__f->k = k; yc__f->out = out;
YC_COROUTINE static inline void scale(struct vec v, double k, struct vec *out) {
    YC_YIELD();
    // CHECK: {{^ *}}{ if (YC__YIELD(1)) { yc__save_1 return; yc__resume_1: yc__load_1 } }
    out->x = v.x * k;
    // CHECK: {{^ *}}out->x = v.x * k;
    out->y = v.y * k;
    return;
    // CHECK: {{^ *}}return;
}
// CHECK: {{^}}static int yc__scale_resume(
// CHECK: {{^}}        yc__state(yc__fp) ? (struct vec){0} : yc__f->yc__a.v,
// CHECK: {{^}}static YC__UNUSED struct yc__frame *yc__scale_start(struct yc__sched *yc__s, struct yc__frame *yc__caller, struct vec v, double k, struct vec *out) {
// CHECK: {{^}}    yc__f->yc__a.v = v;
// CHECK: {{^}}    yc__f->yc__a.k = k;
// CHECK: {{^}}    yc__f->yc__a.out = out;
// CHECK: {{^}}YC_COROUTINE static inline void scale(struct vec v, double k, struct vec *out) {
