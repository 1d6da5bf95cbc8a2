// YC_AWAIT in the initializers of structs and unions that live across
// suspensions: positional and designated members out of order, a nested
// member, a union member, and a struct with a const member (which cannot be
// assigned, only initialized); unnamed members are zero.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static int val(int x) {
    YC_YIELD();
    return x;
}

YC_COROUTINE static double dval(double x) {
    YC_YIELD();
    return x;
}

struct point {
    int x, y, z;
};

struct line {
    struct point from, to;
    const char *name;
};

union num {
    int i;
    double d;
};

struct fixed {
    const int id;
    int count;
};

YC_COROUTINE int main(void) {
    struct point p = {YC_AWAIT(val(1)), 2};
    struct point q = {.z = YC_AWAIT(val(9)), .x = YC_AWAIT(val(7))};
    struct line l = {.to.y = YC_AWAIT(val(5)), .name = "l", .from = {1, 1, 1}};
    union num u = {.d = YC_AWAIT(dval(2.5))};
    struct fixed f = {YC_AWAIT(val(42)), 3};
    YC_YIELD();
    f.count += YC_AWAIT(val(1));
    printf("p=%d %d %d\n", p.x, p.y, p.z);
    printf("q=%d %d %d\n", q.x, q.y, q.z);
    printf("l=%d %d %d %d %d %d %s\n", l.from.x, l.from.y, l.from.z, l.to.x,
           l.to.y, l.to.z, l.name);
    printf("u=%.1f\n", u.d);
    printf("f=%d %d\n", f.id, f.count);
    return 0;
}
// CHECK: p=1 2 0
// CHECK-NEXT: q=7 0 9
// CHECK-NEXT: l=1 1 1 0 5 0 l
// CHECK-NEXT: u=2.5
// CHECK-NEXT: f=42 4
