// YC_AWAIT nested in the arguments of another YC_AWAIT: the inner call is
// awaited first and its value passed on, three levels deep, next to plain
// and awaited sibling arguments, and inside a larger expression; every call
// runs once. Results equal a plain C reference.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

static int calls;

YC_COROUTINE static int inc(int x) {
    calls++;
    YC_YIELD();
    return x + 1;
}

YC_COROUTINE static int add(int a, int b) {
    calls++;
    YC_YIELD();
    return a + b;
}

static int inc_ref(int x) { return x + 1; }
static int add_ref(int a, int b) { return a + b; }

YC_COROUTINE int main(void) {
    int r = YC_AWAIT(inc(YC_AWAIT(inc(1))));
    printf("two: %d ref %d\n", r, inc_ref(inc_ref(1)));
    r = YC_AWAIT(inc(YC_AWAIT(inc(YC_AWAIT(inc(10))))));
    printf("three: %d ref %d\n", r, inc_ref(inc_ref(inc_ref(10))));
    r = YC_AWAIT(add(YC_AWAIT(inc(1)), 100));
    printf("sibling plain: %d ref %d\n", r, add_ref(inc_ref(1), 100));
    r = YC_AWAIT(add(YC_AWAIT(inc(1)), YC_AWAIT(add(2, YC_AWAIT(inc(3))))));
    printf("siblings awaited: %d ref %d\n", r,
           add_ref(inc_ref(1), add_ref(2, inc_ref(3))));
    r = 1000 - YC_AWAIT(add(YC_AWAIT(inc(5)), 4)) * 2;
    printf("in expression: %d ref %d\n", r, 1000 - add_ref(inc_ref(5), 4) * 2);
    printf("calls=%d\n", calls);
    return 0;
}
// CHECK: two: 3 ref 3
// CHECK-NEXT: three: 13 ref 13
// CHECK-NEXT: sibling plain: 102 ref 102
// CHECK-NEXT: siblings awaited: 8 ref 8
// CHECK-NEXT: in expression: 980 ref 980
// CHECK-NEXT: calls=13
