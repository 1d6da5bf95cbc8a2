// A struct-returning coroutine keeps its result struct in the result field
// and returns a compound literal into it; an awaited struct result goes
// through a temporary of the struct type, whose members are then read, and
// that temporary is a frame field when a later await in the same
// expression comes before its use: the body names it yc__t1 and a macro
// makes that the frame field within the step function.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

struct pair {
    int a, b;
};

YC_COROUTINE struct pair mk(int a);

// CHECK: {{^}}struct yc__swap_res { struct yc__frame yc__hdr; struct pair yc__ret; };
// CHECK-LABEL: {{^}}int yc__swap_step(struct yc__frame *yc__fp, struct yc__sched *yc__s) {
// CHECK-SAME: struct pair yc__t1;
YC_COROUTINE struct pair swap(int a) {
    struct pair p = YC_AWAIT(mk(a));
    // CHECK: {{^ *}}yc__cf = yc__mk_start(yc__s, &yc__f->yc__res.yc__hdr, yc__f->a);
    // CHECK-SAME: yc__t1 = ((struct yc__mk_res *)yc__cf)->yc__ret; yc__frame_free(yc__s, yc__cf); struct pair p = yc__t1;
    return (struct pair){p.b, p.a};
    // CHECK: {{^ *}}return (yc__f->yc__res.yc__ret = ((struct pair){p.b, p.a}), YC__DONE);
}

// CHECK: {{^}}struct yc__sum_frame { struct yc__sum_res yc__res; int a; struct pair yc__t1; };
// CHECK-NEXT: {{^}}#define yc__t1 (yc__f->yc__t1)
// CHECK: {{^}}int yc__sum_step(struct yc__frame *yc__fp, struct yc__sched *yc__s) {
// CHECK-SAME: struct pair yc__t2;
YC_COROUTINE int sum(int a) {
    return YC_AWAIT(mk(a)).a + YC_AWAIT(mk(a)).b;
    // CHECK: {{^ *}}{ yc__cf = yc__mk_start(yc__s, &yc__f->yc__res.yc__hdr, yc__f->a);
    // CHECK-SAME: yc__t1 = ((struct yc__mk_res *)yc__cf)->yc__ret;
    // CHECK-SAME: yc__cf = yc__mk_start(yc__s, &yc__f->yc__res.yc__hdr, yc__f->a);
    // CHECK-SAME: yc__t2 = ((struct yc__mk_res *)yc__cf)->yc__ret;
    // CHECK-SAME: return (yc__f->yc__res.yc__ret = (yc__t1.a + yc__t2.b), YC__DONE); }
}
// CHECK: {{^}}#undef yc__t1
