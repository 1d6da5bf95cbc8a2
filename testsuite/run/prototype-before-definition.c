// Coroutines declared by a prototype (static and extern) can be awaited
// before their definitions appear: here two mutually recursive coroutines.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static int ping(int n);
YC_COROUTINE int pong(int n);

YC_COROUTINE int main(void) {
    int r = YC_AWAIT(ping(4));
    printf("total %d\n", r);
    return 0;
}

YC_COROUTINE static int ping(int n) {
    if (n == 0)
        return 0;
    printf("ping %d\n", n);
    YC_YIELD();
    int r = YC_AWAIT(pong(n - 1));
    return r + 1;
}

YC_COROUTINE int pong(int n) {
    if (n == 0)
        return 0;
    printf("pong %d\n", n);
    YC_YIELD();
    int r = YC_AWAIT(ping(n - 1));
    return r + 1;
}
// CHECK: ping 4
// CHECK-NEXT: pong 3
// CHECK-NEXT: ping 2
// CHECK-NEXT: pong 1
// CHECK-NEXT: total 4
