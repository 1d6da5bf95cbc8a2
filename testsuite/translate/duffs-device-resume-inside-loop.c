// Duff's device with a suspension in the loop body: the switch and the
// do-while that its case labels jump into stay as written, and the
// suspension's resume label sits inside the do-while, so the dispatch
// switch at the top of the step function jumps straight back into the loop.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

// CHECK: {{^}}struct yc__duff_frame { struct yc__duff_res yc__res; char *to; const char *from; int count; int n; };
// CHECK-LABEL: {{^}}int yc__duff_step(struct yc__frame *yc__fp, struct yc__sched *yc__s) {
// CHECK-SAME: case 1: goto yc__resume_1;
YC_COROUTINE void duff(char *to, const char *from, int count) {
    int n = (count + 7) / 8;
    switch (count % 8) {
    case 0: do { *to++ = *from++;
    case 3:      *to++ = *from++;
    case 2:      *to++ = *from++;
    case 1:      *to++ = *from++;
                 YC_YIELD();
            } while (--n > 0);
    }
    // CHECK: {{^ *}}switch (yc__f->count % 8) {
    // CHECK-NEXT: {{^ *}}case 0: do { *yc__f->to++ = *yc__f->from++;
    // CHECK-NEXT: {{^ *}}case 3: *yc__f->to++ = *yc__f->from++;
    // CHECK-NEXT: {{^ *}}case 2: *yc__f->to++ = *yc__f->from++;
    // CHECK-NEXT: {{^ *}}case 1: *yc__f->to++ = *yc__f->from++;
    // CHECK-NEXT: {{^ *}}do { if (yc__yield(yc__s, &yc__f->yc__res.yc__hdr, 1)) return YC__SUSPENDED; yc__resume_1:; } while (0);
    // CHECK-NEXT: {{^ *}}} while (--yc__f->n > 0);
}
