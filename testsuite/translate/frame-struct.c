// A coroutine becomes a result struct, a frame struct holding its
// parameters and the locals that live across a suspension, a step function,
// a start function and a wrapper with the original prototype. (Checks are
// anchored with {{^ *}} so that they cannot match their own comment lines,
// which the translator copies into its output.)
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

// CHECK: {{^}}#include <yieldc/abi.h>
// CHECK-NEXT: {{^}}#if YC_ABI_VERSION != 1
// CHECK: {{^}}struct yc__sum_res { struct yc__frame yc__hdr; long yc__ret; };
// CHECK: {{^}}struct yc__sum_frame { struct yc__sum_res yc__res; int n; long total; };
// CHECK: {{^}}int yc__sum_step(
// CHECK-SAME: switch (yc__f->yc__res.yc__hdr.state) { case 0: break; case 1: goto yc__resume_1; default:
YC_COROUTINE long sum(int n) {
    long total = 0;
    // CHECK: {{^ *}}yc__f->total = 0;
    for (int i = 1; i <= n; i++) // i is not live across the yield
        total += i;
    // CHECK: {{^ *}}for (int i = 1; i <= yc__f->n; i++)
    // CHECK: {{^ *}}yc__f->total += i;
    YC_YIELD();
    // CHECK: {{^ *}}do { if (yc__yield(yc__s, &yc__f->yc__res.yc__hdr, 1)) return YC__SUSPENDED; yc__resume_1:; } while (0);
    return total;
    // CHECK: {{^ *}}return (yc__f->yc__res.yc__ret = (yc__f->total), YC__DONE);
}
// CHECK: {{^}}struct yc__frame *yc__sum_start(struct yc__sched *yc__s, struct yc__frame *yc__caller, int n)
// CHECK-SAME: yc__f->n = n;
// CHECK: {{^}}YC_COROUTINE long sum(int n) {
// CHECK-SAME: yc__run_sync(
