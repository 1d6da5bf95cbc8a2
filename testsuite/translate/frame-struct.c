// A coroutine becomes a result struct, a frame struct, a step function (the
// body, taking the arguments as parameters and returning the result with
// its own `return`), a resume function for the scheduler, frame
// constructors, and a wrapper with the original prototype. A local that
// lives across the suspension stays a C local, saved to its frame slot and
// reloaded there; one that does not has no slot at all. (Checks are
// anchored with {{^ *}} so that they cannot match their own comment lines,
// which the translator copies into its output.)
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

// CHECK: {{^}}#include <yieldc/abi.h>
// CHECK-NEXT: {{^}}#if YC_ABI_VERSION != 5
// CHECK: {{^}}#line 1 "{{.*}}frame-struct.c"
// CHECK: {{^}}struct yc__sum_res { struct yc__frame yc__hdr; long yc__ret; };
// CHECK-NEXT: {{^}}long yc__sum_step(struct yc__frame *, struct yc__sched *, int);
// CHECK-NEXT: {{^}}struct yc__frame *yc__sum_new(struct yc__sched *, struct yc__frame *);
// CHECK-NEXT: {{^}}struct yc__frame *yc__sum_start(struct yc__sched *, struct yc__frame *, int);
// The argument area and the slots share memory: n is read at the start.
// CHECK-NEXT: {{^}}struct yc__sum_frame { struct yc__sum_res yc__res; union { struct { int n; } yc__a; struct { long total; }; }; };
// CHECK: {{^}}#define yc__save_1 {{\\}}
// CHECK-NEXT: {{^}}    yc__f->total = total;
// CHECK: {{^}}#define yc__load_1 {{\\}}
// CHECK-NEXT: {{^}}    total = yc__f->total;
// CHECK: {{^}}long yc__sum_step(struct yc__frame *yc__fp, struct yc__sched *yc__s, int n) { yc__sum_enter
YC_COROUTINE long sum(int n) {
    long total = 0;
    // CHECK: {{^ *}}long total = 0;
    for (int i = 1; i <= n; i++) // i is not live across the yield
        total += i;
    // CHECK: {{^ *}}for (int i = 1; i <= n; i++)
    // CHECK: {{^ *}}total += i;
    YC_YIELD();
    // CHECK: {{^ *}}{ if (YC__YIELD(1)) { yc__save_1 return yc__sum_z; yc__resume_1: yc__load_1 } }
    return total;
    // CHECK: {{^ *}}return total;
}
// The resume function passes the stored argument at state 0, a dummy after.
// CHECK: {{^}}static int yc__sum_resume(
// CHECK: {{^}}    long yc__r = yc__sum_step(yc__fp, yc__s,
// CHECK: {{^}}        yc__state(yc__fp) ? 0 : yc__f->yc__a.n);
// CHECK: {{^}}struct yc__frame *yc__sum_start(struct yc__sched *yc__s, struct yc__frame *yc__caller, int n)
// CHECK: {{^}}    yc__f->yc__a.n = n;
// CHECK: {{^}}YC_COROUTINE long sum(int n) {
// CHECK: {{^}}    yc__run_sync(
