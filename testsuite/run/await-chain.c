// Awaits nest: main awaits a coroutine that awaits another that yields; the
// result of each call flows back up the chain after every resume.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static int leaf(int x) {
    YC_YIELD();
    printf("leaf %d resumed\n", x);
    return x * 10;
}

YC_COROUTINE static int middle(int x) {
    int a = YC_AWAIT(leaf(x));
    int b = YC_AWAIT(leaf(x + 1));
    return a + b;
}

YC_COROUTINE int main(void) {
    int r = YC_AWAIT(middle(1));
    printf("result %d\n", r);
    return 0;
}
// CHECK: leaf 1 resumed
// CHECK-NEXT: leaf 2 resumed
// CHECK-NEXT: result 30
