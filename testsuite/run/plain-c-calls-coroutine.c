// Plain C calls coroutines without YC_AWAIT through their original
// prototypes: each call runs the scheduler until the coroutine returns, so
// the caller gets the value (an int, a struct, nothing) as from a function.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

struct range {
    int lo, hi;
};

YC_COROUTINE static int square_later(int x) {
    YC_YIELD();
    return x * x;
}

YC_COROUTINE struct range widen(struct range r, int by) {
    YC_YIELD();
    r.lo -= by;
    r.hi += by;
    return r;
}

YC_COROUTINE static void hello(const char *who) {
    YC_YIELD();
    printf("hello %s\n", who);
}

static int plain_sum(int n) {
    int s = 0;
    for (int i = 1; i <= n; i++)
        s += square_later(i);
    return s;
}

int main(void) {
    printf("sum %d\n", plain_sum(3));
    hello("plain");
    struct range r = widen((struct range){10, 20}, 5);
    printf("range %d..%d\n", r.lo, r.hi);
    printf("square %d\n", square_later(7));
    return 0;
}
// CHECK: sum 14
// CHECK-NEXT: hello plain
// CHECK-NEXT: range 5..25
// CHECK-NEXT: square 49
