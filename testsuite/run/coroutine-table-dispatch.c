// A table of coroutine pointers dispatched by index: the index computed by
// an await, the table walked in a loop with each handler awaited, and a
// handler that itself dispatches through the table; results equal a plain
// C reference.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

typedef YC_COROUTINE int (*handler)(int);

YC_COROUTINE static int h_inc(int x);
YC_COROUTINE static int h_neg(int x);
YC_COROUTINE static int h_twice(int x);

static const handler table[3] = {h_inc, h_neg, h_twice};

YC_COROUTINE static int h_inc(int x) {
    YC_YIELD();
    return x + 1;
}

YC_COROUTINE static int h_neg(int x) {
    YC_YIELD();
    return -x;
}

/* Applies h_inc twice through the table. */
YC_COROUTINE static int h_twice(int x) {
    int y = YC_AWAIT(table[0](x));
    return YC_AWAIT(table[0](y));
}

YC_COROUTINE static int pick(int i) {
    YC_YIELD();
    return i % 3;
}

static int ref(int i, int x) {
    switch (i) {
    case 0:
        return x + 1;
    case 1:
        return -x;
    default:
        return x + 2;
    }
}

YC_COROUTINE int main(void) {
    for (int i = 0; i < 3; i++)
        printf("table[%d](10) = %d ref %d\n", i, YC_AWAIT(table[i](10)),
               ref(i, 10));
    int i = YC_AWAIT(pick(5));
    handler h = table[i];
    printf("picked %d: %d\n", i, YC_AWAIT(h(7)));
    int x = 1;
    for (int k = 0; k < 6; k++)
        x = YC_AWAIT(table[k % 3](x));
    int rx = 1;
    for (int k = 0; k < 6; k++)
        rx = ref(k % 3, rx);
    printf("chain %d ref %d\n", x, rx);
    return 0;
}
// CHECK: table[0](10) = 11 ref 11
// CHECK-NEXT: table[1](10) = -10 ref -10
// CHECK-NEXT: table[2](10) = 12 ref 12
// CHECK-NEXT: picked 2: 9
// CHECK-NEXT: chain 1 ref 1
