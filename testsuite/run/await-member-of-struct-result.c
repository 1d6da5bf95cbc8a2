// Member access on an awaited result: `.` on a struct result (also a nested
// member and an element of an array member) and `->` on a pointer result,
// read and assigned; the struct is built in the callee's frame and copied
// out whole.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

struct pair {
    int a, b;
};

struct outer {
    struct pair p;
    int arr[3];
};

YC_COROUTINE static struct pair mk(int a, int b) {
    struct pair r = {a, b};
    YC_YIELD();
    return r;
}

YC_COROUTINE static struct outer mko(int k) {
    struct outer o = {{k, 2 * k}, {k + 1, k + 2, k + 3}};
    YC_YIELD();
    return o;
}

YC_COROUTINE static struct pair *self(struct pair *p) {
    YC_YIELD();
    return p;
}

YC_COROUTINE int main(void) {
    int x = YC_AWAIT(mk(3, 4)).a + YC_AWAIT(mk(5, 6)).b;
    printf("x=%d\n", x);
    printf("nested=%d elem=%d\n", YC_AWAIT(mko(2)).p.b, YC_AWAIT(mko(2)).arr[1]);
    struct pair g = {7, 8};
    YC_AWAIT(self(&g))->b = 80;
    int w = YC_AWAIT(self(&g))->a * 2;
    printf("g=%d %d w=%d\n", g.a, g.b, w);
    return 0;
}
// CHECK: x=9
// CHECK-NEXT: nested=4 elem=4
// CHECK-NEXT: g=7 80 w=14
