// A declaration with several awaiting declarators becomes one piece per
// declarator, in order: each await, then that variable's assignment, so a
// later initializer sees the earlier variable; an array initializer with an
// await is built in a C local and copied into the frame.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

YC_COROUTINE int g(int x);

// CHECK: {{^}}struct yc__f_frame { struct yc__f_res yc__res; int a; int b; int arr[3]; };
// CHECK-LABEL: {{^}}int yc__f_step(struct yc__frame *yc__fp, struct yc__sched *yc__s) {
YC_COROUTINE int f(void) {
    int a = YC_AWAIT(g(1)), b = a + YC_AWAIT(g(2));
    // CHECK: {{^ *}}yc__cf = yc__g_start(yc__s, &yc__f->yc__res.yc__hdr, 1);
    // CHECK-SAME: yc__[[A:t[0-9]+]] = ((struct yc__g_res *)yc__cf)->yc__ret; yc__frame_free(yc__s, yc__cf); yc__f->a = yc__[[A]];
    // CHECK-SAME: yc__cf = yc__g_start(yc__s, &yc__f->yc__res.yc__hdr, 2);
    // CHECK-SAME: yc__[[B:t[0-9]+]] = ((struct yc__g_res *)yc__cf)->yc__ret; yc__frame_free(yc__s, yc__cf); yc__f->b = yc__f->a + yc__[[B]];
    int arr[3] = {YC_AWAIT(g(3)), b};
    // CHECK: {{^ *}}yc__cf = yc__g_start(yc__s, &yc__f->yc__res.yc__hdr, 3);
    // CHECK-SAME: yc__[[C:t[0-9]+]] = ((struct yc__g_res *)yc__cf)->yc__ret; yc__frame_free(yc__s, yc__cf);
    // CHECK-SAME: { int yc__v[3] = {yc__[[C]], yc__f->b}; memcpy(&yc__f->arr, &yc__v, sizeof yc__v); }
    return arr[0] + arr[1];
}
