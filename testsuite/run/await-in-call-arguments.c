// YC_AWAIT as an argument of a plain function, of printf and of an awaited
// coroutine: each argument gets the awaited value, the other arguments keep
// theirs, and every awaited call runs exactly once; a plain C reference
// computing the same calls agrees.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

static int calls;

YC_COROUTINE static int twice(int x) {
    calls++;
    YC_YIELD();
    return 2 * x;
}

static int twice_ref(int x) { return 2 * x; }

static int digits(int a, int b, int c) { return 100 * a + 10 * b + c; }

YC_COROUTINE static int digits_co(int a, int b, int c) {
    YC_YIELD();
    return digits(a, b, c);
}

YC_COROUTINE int main(void) {
    int k = 1;
    int r = digits(YC_AWAIT(twice(1)), k, YC_AWAIT(twice(2)));
    printf("plain: %d ref %d\n", r, digits(twice_ref(1), k, twice_ref(2)));
    r = YC_AWAIT(digits_co(k, YC_AWAIT(twice(3)), 4));
    printf("coroutine: %d ref %d\n", r, digits(k, twice_ref(3), 4));
    printf("printf: %d %d %d\n", YC_AWAIT(twice(5)), k,
           k + YC_AWAIT(twice(6)));
    printf("calls=%d\n", calls);
    return 0;
}
// CHECK: plain: 214 ref 214
// CHECK-NEXT: coroutine: 164 ref 164
// CHECK-NEXT: printf: 10 1 13
// CHECK-NEXT: calls=5
