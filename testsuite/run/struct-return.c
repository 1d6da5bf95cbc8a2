// Coroutines take structs by value and return structs; the caller's struct
// is not changed by the callee's copy, and the result arrives through an
// initializer, an assignment (also to a parameter) and a return.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

struct pt {
    int x, y;
};

YC_COROUTINE static struct pt shift(struct pt p, int d) {
    YC_YIELD();
    p.x += d;
    p.y -= d;
    return p;
}

YC_COROUTINE static struct pt midpoint(struct pt a, struct pt b) {
    struct pt m = {(a.x + b.x) / 2, (a.y + b.y) / 2};
    YC_YIELD();
    return m;
}

YC_COROUTINE static struct pt shift_twice(struct pt p, int d) {
    p = YC_AWAIT(shift(p, d));
    return YC_AWAIT(shift(p, d));
}

YC_COROUTINE int main(void) {
    struct pt a = {1, 2};
    struct pt b = YC_AWAIT(shift(a, 10));
    printf("a=(%d,%d) b=(%d,%d)\n", a.x, a.y, b.x, b.y);
    struct pt m;
    m = YC_AWAIT(midpoint(a, b));
    printf("m=(%d,%d)\n", m.x, m.y);
    struct pt t = YC_AWAIT(shift_twice(m, 3));
    printf("t=(%d,%d)\n", t.x, t.y);
    return 0;
}
// CHECK: a=(1,2) b=(11,-8)
// CHECK-NEXT: m=(6,-3)
// CHECK-NEXT: t=(12,-9)
