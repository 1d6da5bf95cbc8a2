// A while condition that awaits moves into the loop body: `while (1)`
// awaits, then breaks when the condition is false, then runs the body; so
// the await runs before every iteration and `continue` needs no label.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

YC_COROUTINE int g(int x);

// CHECK-LABEL: {{^}}int yc__f_step(struct yc__frame *yc__fp, struct yc__sched *yc__s) {
YC_COROUTINE int f(int n) {
    int s = 0;
    while (YC_AWAIT(g(s)) < n) {
        if (s == 3) {
            s += 2;
            continue;
        }
        s++;
    }
    // CHECK: {{^ *}}while (1) { yc__cf = yc__g_start(yc__s, &yc__f->yc__res.yc__hdr, yc__f->s);
    // CHECK-SAME: yc__[[T:t[0-9]+]] = ((struct yc__g_res *)yc__cf)->yc__ret; yc__frame_free(yc__s, yc__cf);
    // CHECK-SAME: if (!(yc__[[T]] < yc__f->n)) break; {
    // CHECK-NEXT: {{^ *}}if (yc__f->s == 3) {
    // CHECK-NEXT: {{^ *}}yc__f->s += 2;
    // CHECK-NEXT: {{^ *}}continue;
    return s;
}
