// Nested scopes with shadowed names across suspensions: a parameter
// shadowed in a block, a for variable shadowing an outer local, three
// levels of the same name, and a shadowing local that is dead at the
// suspension next to one that lives across it; each use reads the
// declaration C binds it to.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static int val(int x) {
    YC_YIELD();
    return x;
}

YC_COROUTINE static int f(int n) {
    int i = 100;
    {
        int n = YC_AWAIT(val(5));
        YC_YIELD();
        printf("inner n=%d\n", n);
    }
    printf("param n=%d\n", n);
    for (int i = 0; i < 2; i++) {
        YC_YIELD();
        printf("loop i=%d\n", i);
    }
    printf("outer i=%d\n", i);
    return n + i;
}

YC_COROUTINE int main(void) {
    int x = 1;
    {
        int x = 2;
        {
            int x = YC_AWAIT(val(3));
            YC_YIELD();
            printf("x3=%d\n", x);
        }
        YC_YIELD();
        printf("x2=%d\n", x);
    }
    {
        int x = 40;
        printf("dead x=%d\n", x);
    }
    YC_YIELD();
    printf("x1=%d\n", x);
    printf("f=%d\n", YC_AWAIT(f(7)));
    return 0;
}
// CHECK: x3=3
// CHECK-NEXT: x2=2
// CHECK-NEXT: dead x=40
// CHECK-NEXT: x1=1
// CHECK-NEXT: inner n=5
// CHECK-NEXT: param n=7
// CHECK-NEXT: loop i=0
// CHECK-NEXT: loop i=1
// CHECK-NEXT: outer i=100
// CHECK-NEXT: f=107
