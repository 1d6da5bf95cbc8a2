// An await in a switch head is hoisted before the switch, which then
// switches on its temporary; an await in a case body is lowered in place,
// between the case label and the break; an await in an if condition is
// hoisted before the if.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

YC_COROUTINE int g(int x);

// CHECK-LABEL: {{^}}int yc__f_step(struct yc__frame *yc__fp, struct yc__sched *yc__s) {
YC_COROUTINE int f(int n) {
    int r = 0;
    switch (YC_AWAIT(g(n))) {
    // CHECK: {{^ *}}{ yc__cf = yc__g_start(yc__s, &yc__f->yc__res.yc__hdr, yc__f->n);
    // CHECK-SAME: yc__[[T:t[0-9]+]] = ((struct yc__g_res *)yc__cf)->yc__ret; yc__frame_free(yc__s, yc__cf); switch (yc__[[T]]) {
    case 0:
        r = YC_AWAIT(g(10));
        // CHECK: {{^ *}}case 0:
        // CHECK-NEXT: {{^ *}}{ yc__cf = yc__g_start(yc__s, &yc__f->yc__res.yc__hdr, 10);
        // CHECK-SAME: yc__f->r = yc__{{t[0-9]+}}; }
        break;
        // CHECK: {{^ *}}break;
    default:
        r = -1;
    }
    if (YC_AWAIT(g(r)) > 0)
        r++;
    // CHECK: {{^ *}}{ yc__cf = yc__g_start(yc__s, &yc__f->yc__res.yc__hdr, yc__f->r);
    // CHECK-SAME: yc__[[C:t[0-9]+]] = ((struct yc__g_res *)yc__cf)->yc__ret; yc__frame_free(yc__s, yc__cf); if (yc__[[C]] > 0)
    // CHECK-NEXT: {{^ *}}yc__f->r++; }
    return r;
}
