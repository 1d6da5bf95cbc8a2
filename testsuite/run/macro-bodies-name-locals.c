// Macros whose bodies name a coroutine's locals - locals kept across a
// suspension in a register and saved at it, arrays and locals whose
// address is taken, which live in the frame - read and write the same
// variables as the coroutine's own code, on both sides of each
// suspension. (A macro that uses its argument twice evaluates it twice.)
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

#define BUMP() (hits++)
#define LEN(a) (sizeof(a) / sizeof((a)[0]))
#define FIRST() (arr[0])
#define SHOW() printf("hits %d first %d *p %d len %zu\n", hits, arr[0], *p, \
                      LEN(arr))
#define SET_BOTH(v) (hits = (v), arr[0] = (v))

YC_COROUTINE static int val(int x) {
    YC_YIELD();
    return x;
}

YC_COROUTINE int main(void) {
    int hits = 0;
    int arr[4] = {7, 8, 9, 10};
    int *p = &arr[1];
    YC_YIELD();
    BUMP();
    BUMP();
    SHOW();
    // CHECK: hits 2 first 7 *p 8 len 4
    FIRST() += YC_AWAIT(val(3));
    SET_BOTH(YC_AWAIT(val(hits + 40)));
    SHOW();
    // CHECK-NEXT: hits 42 first 82 *p 8 len 4
    int sum = 0;
    for (size_t i = 0; i < LEN(arr); i++)
        sum += arr[i] + YC_AWAIT(val(BUMP()));
    SHOW();
    // CHECK-NEXT: hits 46 first 82 *p 8 len 4
    printf("sum %d\n", sum);
    // CHECK-NEXT: sum 283
    return 0;
}
