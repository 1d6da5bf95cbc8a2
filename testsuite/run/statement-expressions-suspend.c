// Suspension points inside GNU statement expressions - as an initializer,
// a condition, the right operand of &&, a void one - stay in the state
// machine: the statements run in order, the value is the last
// expression's, and a right operand of && runs only when C runs it. An
// assert() with an await, as glibc writes it in GNU mode, works too.
// RUN: %yieldc %s -o %t.c -- -std=gnu11 && %cc -std=gnu11 %t.c -o %t && %run %t | FileCheck %s

#include <assert.h>
#include <stdio.h>
#include <yieldc.h>

static int calls;

YC_COROUTINE static int g(int i) {
    calls++;
    YC_YIELD();
    return i;
}

YC_COROUTINE int main(void) {
    int v = ({ int t = YC_AWAIT(g(4)); t + 1; });
    printf("v %d\n", v);
    // CHECK: v 5
    if (({ int a = YC_AWAIT(g(2)); a * YC_AWAIT(g(3)); }) == 6)
        printf("if\n");
    // CHECK-NEXT: if
    calls = 0;
    int z = 0;
    int r = z && ({ YC_AWAIT(g(1)); });
    printf("r %d calls %d\n", r, calls);
    // CHECK-NEXT: r 0 calls 0
    ({ YC_YIELD(); (void)YC_AWAIT(g(9)); });
    assert(YC_AWAIT(g(1)) == 1);
    printf("calls %d\n", calls);
    // CHECK-NEXT: calls 2
    return 0;
}
