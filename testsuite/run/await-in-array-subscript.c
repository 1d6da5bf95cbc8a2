// YC_AWAIT as the index of an array element that is assigned, read,
// incremented and compound-assigned, in both subscripts of a 2-D array, in
// the index of a string literal and in the reversed form i[a]; a plain C
// reference gives the same array.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

static int calls;

YC_COROUTINE static int idx(int i) {
    calls++;
    YC_YIELD();
    return i;
}

static int ref(int i) { return i; }

YC_COROUTINE int main(void) {
    int a[4] = {0, 0, 0, 0}, r[4] = {0, 0, 0, 0};
    a[YC_AWAIT(idx(1))] = 10;
    r[ref(1)] = 10;
    a[YC_AWAIT(idx(2))] = YC_AWAIT(idx(20));
    r[ref(2)] = ref(20);
    a[3] = a[YC_AWAIT(idx(1))] + 5;
    r[3] = r[ref(1)] + 5;
    a[0] += a[YC_AWAIT(idx(3))];
    r[0] += r[ref(3)];
    int *p = a;
    p[YC_AWAIT(idx(0))]++;
    r[ref(0)]++;
    printf("a=%d %d %d %d\n", a[0], a[1], a[2], a[3]);
    printf("r=%d %d %d %d\n", r[0], r[1], r[2], r[3]);
    int m[2][3] = {{1, 2, 3}, {4, 5, 6}};
    printf("m=%d\n", m[YC_AWAIT(idx(1))][YC_AWAIT(idx(2))]);
    printf("str=%c\n", "abc"[YC_AWAIT(idx(2))]);
    printf("reversed=%d\n", YC_AWAIT(idx(2))[a]);
    printf("calls=%d\n", calls);
    return 0;
}
// CHECK: a=16 10 20 15
// CHECK-NEXT: r=16 10 20 15
// CHECK-NEXT: m=6
// CHECK-NEXT: str=c
// CHECK-NEXT: reversed=20
// CHECK-NEXT: calls=10
