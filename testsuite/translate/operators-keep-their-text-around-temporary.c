// An await that is an operand of a unary operator, a cast, a binary or
// compound-assignment operator, a subscript or a member access is replaced
// by its temporary and the operators around it keep their text, so the
// expression means what C says; with one await per statement the
// temporaries are C locals of the step function, of the awaited type.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

YC_COROUTINE int g(int x);

struct pair {
    int a, b;
};

YC_COROUTINE struct pair mk(int x);

// CHECK: {{^}}struct yc__f_frame { struct yc__f_res yc__res; int *arr; int k; int r; };
// CHECK-LABEL: {{^}}int yc__f_step(struct yc__frame *yc__fp, struct yc__sched *yc__s) {
// CHECK-SAME: struct pair yc__t6;
YC_COROUTINE int f(int *arr, int k) {
    int r = -YC_AWAIT(g(1));
    // CHECK: {{^ *}}yc__cf = yc__g_start(yc__s, &yc__f->yc__res.yc__hdr, 1);
    // CHECK-SAME: yc__f->r = -yc__[[T1:t[0-9]+]];
    r += ~YC_AWAIT(g(2)) & 0xff;
    // CHECK: {{^ *}}{ yc__cf = yc__g_start(yc__s, &yc__f->yc__res.yc__hdr, 2);
    // CHECK-SAME: yc__f->r += ~yc__[[T2:t[0-9]+]] & 0xff; }
    r ^= (unsigned char)YC_AWAIT(g(3)) << 2;
    // CHECK: {{^ *}}{ yc__cf = yc__g_start(yc__s, &yc__f->yc__res.yc__hdr, 3);
    // CHECK-SAME: yc__f->r ^= (unsigned char)yc__[[T3:t[0-9]+]] << 2; }
    r -= !YC_AWAIT(g(4));
    // CHECK: {{^ *}}{ yc__cf = yc__g_start(yc__s, &yc__f->yc__res.yc__hdr, 4);
    // CHECK-SAME: yc__f->r -= !yc__[[T4:t[0-9]+]]; }
    arr[YC_AWAIT(g(k))] = r;
    // CHECK: {{^ *}}{ yc__cf = yc__g_start(yc__s, &yc__f->yc__res.yc__hdr, yc__f->k);
    // CHECK-SAME: yc__f->arr[yc__[[T5:t[0-9]+]]] = yc__f->r; }
    return r + YC_AWAIT(mk(k)).b;
    // CHECK: {{^ *}}{ yc__cf = yc__mk_start(yc__s, &yc__f->yc__res.yc__hdr, yc__f->k);
    // CHECK-SAME: yc__t6 = ((struct yc__mk_res *)yc__cf)->yc__ret;
    // CHECK-SAME: return (yc__f->yc__res.yc__ret = (yc__f->r + yc__t6.b), YC__DONE); }
}
