// `static` and `static inline` coroutines: awaited from another coroutine,
// recursively from themselves, and called from a plain C function through
// their wrapper, with the same results each way.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static inline int square(int x) {
    YC_YIELD();
    return x * x;
}

YC_COROUTINE static int sum_squares(int n) {
    if (n == 0)
        return 0;
    return YC_AWAIT(square(n)) + YC_AWAIT(sum_squares(n - 1));
}

YC_COROUTINE static inline int fact(int n) {
    YC_YIELD();
    return n <= 1 ? 1 : n * YC_AWAIT(fact(n - 1));
}

static int plain(void) { return square(7) + sum_squares(3) + fact(5); }

YC_COROUTINE int main(void) {
    printf("square=%d\n", YC_AWAIT(square(6)));
    printf("sum_squares=%d\n", YC_AWAIT(sum_squares(4)));
    printf("fact=%d\n", YC_AWAIT(fact(6)));
    printf("plain=%d\n", plain());
    return 0;
}
// CHECK: square=36
// CHECK-NEXT: sum_squares=30
// CHECK-NEXT: fact=720
// CHECK-NEXT: plain=183
