// YC_AWAIT as the operand of unary -, +, !, ~ and of casts (to a narrower
// unsigned type, to double, from double, to void): each result is what C
// says and equals a plain C reference.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

static int calls;

YC_COROUTINE static int val(int x) {
    calls++;
    YC_YIELD();
    return x;
}

YC_COROUTINE static double dval(double x) {
    YC_YIELD();
    return x;
}

static int ref(int x) { return x; }

YC_COROUTINE int main(void) {
    printf("neg %d %d\n", -YC_AWAIT(val(5)), -ref(5));
    printf("plus %d %d\n", +YC_AWAIT(val(3)), +ref(3));
    printf("not %d %d %d\n", !YC_AWAIT(val(0)), !YC_AWAIT(val(7)),
           !!YC_AWAIT(val(9)));
    printf("compl %d %d\n", ~YC_AWAIT(val(0)), ~ref(0));
    printf("double neg %d\n", -(-YC_AWAIT(val(4))));
    printf("uchar %d %d\n", (unsigned char)YC_AWAIT(val(321)),
           (unsigned char)ref(321));
    printf("to double %.1f\n", (double)YC_AWAIT(val(7)) / 2);
    printf("from double %d\n", (int)YC_AWAIT(dval(2.9)));
    printf("long %ld\n", (long)YC_AWAIT(val(-1)) * 3);
    int before = calls;
    (void)YC_AWAIT(val(1));
    printf("void cast ran %d\n", calls - before);
    return 0;
}
// CHECK: neg -5 -5
// CHECK-NEXT: plus 3 3
// CHECK-NEXT: not 1 0 1
// CHECK-NEXT: compl -1 -1
// CHECK-NEXT: double neg 4
// CHECK-NEXT: uchar 65 65
// CHECK-NEXT: to double 3.5
// CHECK-NEXT: from double 2
// CHECK-NEXT: long -3
// CHECK-NEXT: void cast ran 1
