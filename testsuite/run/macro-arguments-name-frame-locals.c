// Function-like macros whose arguments name locals that live in the frame:
// an expression macro used on both sides of an await, a macro nested in
// another's argument, statement macros (do-while(0), an unbraced if) that
// assign their arguments, a macro whose argument is an await, and assert on
// frame locals inside a loop that suspends.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <assert.h>
#include <stdio.h>
#include <yieldc.h>

#define SQUARE(x) ((x) * (x))
#define ADD3(a, b, c) ((a) + (b) + (c))
#define NEG(x) (-(x))
#define SWAP(a, b)                                                             \
    do {                                                                       \
        int swap_tmp = (a);                                                    \
        (a) = (b);                                                             \
        (b) = swap_tmp;                                                        \
    } while (0)
#define CLAMP_TO(v, hi)                                                        \
    if ((v) > (hi))                                                            \
    (v) = (hi)

YC_COROUTINE static int val(int x) {
    YC_YIELD();
    return x;
}

YC_COROUTINE int main(void) {
    int a = 3, b = 4, total = 0;
    YC_YIELD();
    total = SQUARE(a) + YC_AWAIT(val(b)) * SQUARE(b) / b;
    printf("squares=%d\n", total);
    total = ADD3(SQUARE(a), b, 0) + YC_AWAIT(val(a));
    printf("nested=%d\n", total);
    SWAP(a, b);
    YC_YIELD();
    printf("swapped a=%d b=%d\n", a, b);
    CLAMP_TO(total, 10);
    printf("clamped=%d\n", total);
    int arg = NEG(YC_AWAIT(val(5)));
    printf("await argument=%d\n", arg);
    for (int i = 0; i < 3; i++) {
        assert(i < 3 && a == 4);
        total += YC_AWAIT(val(i));
        assert(total >= 10);
    }
    printf("total=%d\n", total);
    return 0;
}
// CHECK: squares=25
// CHECK-NEXT: nested=16
// CHECK-NEXT: swapped a=4 b=3
// CHECK-NEXT: clamped=10
// CHECK-NEXT: await argument=-5
// CHECK-NEXT: total=13
