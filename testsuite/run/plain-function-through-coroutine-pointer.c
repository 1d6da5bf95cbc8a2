// A plain C function stored in a YC_COROUTINE function pointer (and in a
// table next to coroutines) is awaited like a coroutine: it simply runs
// during the await and its return value is the result.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

typedef YC_COROUTINE int (*op_fn)(int);

static int calls;

static int plain_triple(int x) {
    calls++;
    return 3 * x;
}

YC_COROUTINE static int co_inc(int x) {
    YC_YIELD();
    return x + 1;
}

YC_COROUTINE int main(void) {
    op_fn f = plain_triple;
    int r = YC_AWAIT(f(5));
    printf("plain=%d calls=%d\n", r, calls);
    op_fn mixed[2] = {plain_triple, co_inc};
    int x = 1;
    for (int i = 0; i < 4; i++)
        x = YC_AWAIT(mixed[i % 2](x));
    printf("x=%d calls=%d\n", x, calls);
    printf("nested=%d\n", YC_AWAIT(f(YC_AWAIT(mixed[1](1)))));
    return 0;
}
// CHECK: plain=15 calls=1
// CHECK-NEXT: x=13 calls=3
// CHECK-NEXT: nested=6
