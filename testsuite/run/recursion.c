// A coroutine awaits itself recursively; every level suspends, and each
// level's parameter survives in its own frame.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static long fib(int n) {
    YC_YIELD();
    if (n < 2)
        return n;
    long a = YC_AWAIT(fib(n - 1));
    long b = YC_AWAIT(fib(n - 2));
    return a + b;
}

YC_COROUTINE int main(void) {
    long f = YC_AWAIT(fib(20));
    printf("fib(20) = %ld\n", f);
    return 0;
}
// CHECK: fib(20) = 6765
