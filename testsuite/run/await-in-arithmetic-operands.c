// YC_AWAIT as the left, the right and both operands of +, -, *, / and %
// (signed, unsigned and floating): each result equals the one a plain C
// reference computes with the same values.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static int val(int x) {
    YC_YIELD();
    return x;
}

YC_COROUTINE static unsigned uval(unsigned x) {
    YC_YIELD();
    return x;
}

YC_COROUTINE static double dval(double x) {
    YC_YIELD();
    return x;
}

static int ref(int x) { return x; }

YC_COROUTINE int main(void) {
    int a = 17, b = 5;
    printf("add %d %d\n", YC_AWAIT(val(a)) + b, ref(a) + b);
    printf("sub %d %d\n", a - YC_AWAIT(val(b)), a - ref(b));
    printf("mul %d %d\n", YC_AWAIT(val(a)) * YC_AWAIT(val(b)), ref(a) * ref(b));
    printf("div %d %d\n", YC_AWAIT(val(-a)) / b, ref(-a) / b);
    printf("mod %d %d\n", -a % YC_AWAIT(val(b)), -a % ref(b));
    int m = YC_AWAIT(val(a)) * 2 + YC_AWAIT(val(b)) * 3 - 1;
    printf("mixed %d %d\n", m, ref(a) * 2 + ref(b) * 3 - 1);
    printf("unsigned %u\n", 0u - YC_AWAIT(uval(1)));
    printf("double %.2f\n", YC_AWAIT(dval(1.5)) * 4 + YC_AWAIT(dval(0.25)));
    return 0;
}
// CHECK: add 22 22
// CHECK-NEXT: sub 12 12
// CHECK-NEXT: mul 85 85
// CHECK-NEXT: div -3 -3
// CHECK-NEXT: mod -2 -2
// CHECK-NEXT: mixed 48 48
// CHECK-NEXT: unsigned 4294967295
// CHECK-NEXT: double 6.25
