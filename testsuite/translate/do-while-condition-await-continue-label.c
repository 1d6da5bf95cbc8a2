// A do-while whose condition awaits becomes `for (;;)` with the body first,
// then a yc__cont_ label, the await and a break when the condition is
// false; a `continue` in the body, also one inside a switch, jumps to the
// label so the awaited condition still runs, while a `continue` of an
// inner loop stays as written.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

YC_COROUTINE int g(int x);

// CHECK-LABEL: {{^}}int yc__f_step(struct yc__frame *yc__fp, struct yc__sched *yc__s) {
YC_COROUTINE int f(int n) {
    int s = 0;
    do {
    // CHECK: {{^ *}}for (;;) { {
        if (s & 1)
            continue;
        // CHECK: {{^ *}}goto [[CONT:yc__cont_[0-9]+]];
        switch (s) {
        case 4:
            continue;
            // CHECK: {{^ *}}goto [[CONT]];
        }
        for (int i = 0; i < 2; i++)
            continue;
        // CHECK: {{^ *}}continue;
        s += 3;
    } while (YC_AWAIT(g(s)) < 2 * n);
    // CHECK: {{^ *}}} [[CONT]]:; yc__cf = yc__g_start(yc__s, &yc__f->yc__res.yc__hdr, yc__f->s);
    // CHECK-SAME: yc__[[T:t[0-9]+]] = ((struct yc__g_res *)yc__cf)->yc__ret; yc__frame_free(yc__s, yc__cf);
    // CHECK-SAME: if (!(yc__[[T]] < 2 * yc__f->n)) break; }
    return s;
}
