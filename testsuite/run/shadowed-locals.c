// Locals that shadow each other (and a parameter) in nested blocks and a
// for clause are distinct objects in the frame: each keeps its own value
// across the suspensions in its scope.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static int shadow_param(int n) {
    {
        int n = 7;
        YC_YIELD();
        printf("block n=%d\n", n);
    }
    YC_YIELD();
    return n;
}

YC_COROUTINE int main(void) {
    int x = 1;
    {
        int x = 2;
        YC_YIELD();
        {
            int x = 3;
            YC_YIELD();
            printf("inner %d\n", x);
        }
        YC_YIELD();
        printf("middle %d\n", x);
    }
    YC_YIELD();
    printf("outer %d\n", x);
    for (int x = 10; x < 12; x++) {
        YC_YIELD();
        printf("loop %d\n", x);
    }
    int n = YC_AWAIT(shadow_param(42));
    printf("outer again %d, param %d\n", x, n);
    return 0;
}
// CHECK: inner 3
// CHECK-NEXT: middle 2
// CHECK-NEXT: outer 1
// CHECK-NEXT: loop 10
// CHECK-NEXT: loop 11
// CHECK-NEXT: block n=7
// CHECK-NEXT: outer again 1, param 42
