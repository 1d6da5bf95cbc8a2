// A coroutine calls a plain C helper that calls a coroutine without
// YC_AWAIT: the call runs the scheduler until it returns, and other tasks
// run while it is suspended.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static int slow_double(int x) {
    YC_YIELD();
    return 2 * x;
}

YC_COROUTINE static void other(void) {
    printf("other runs\n");
    YC_YIELD();
    printf("other again\n");
}

static int helper(int x) { return slow_double(x) + 1; }

YC_COROUTINE int main(void) {
    YC_SPAWN(other());
    int v = helper(20);
    printf("v=%d\n", v);
    YC_YIELD();
    printf("main end\n");
    return 0;
}
// CHECK: other runs
// CHECK-NEXT: v=41
// CHECK-NEXT: other again
// CHECK-NEXT: main end
