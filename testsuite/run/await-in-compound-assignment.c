// `x op= YC_AWAIT(f())` for every arithmetic compound assignment, through
// an array element whose index has a side effect (evaluated once) and
// through a pointer; and the target is read after the await returns, so
// tasks adding to a shared total while each other's awaits are suspended
// lose no update.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

static int total, done;

YC_COROUTINE static int val(int x) {
    YC_YIELD();
    return x;
}

YC_COROUTINE static int slow(int x) {
    for (int i = 0; i < x; i++)
        YC_YIELD();
    return x;
}

YC_COROUTINE static void adder(int n) {
    for (int i = 1; i <= n; i++)
        total += YC_AWAIT(slow(i));
    done++;
}

struct acc {
    long sum;
};

YC_COROUTINE int main(void) {
    int x = 100;
    x += YC_AWAIT(val(5));
    x -= YC_AWAIT(val(10));
    x *= YC_AWAIT(val(3));
    x /= YC_AWAIT(val(7));
    x %= YC_AWAIT(val(25));
    printf("x=%d\n", x);

    int a[3] = {1, 1, 1};
    int i = 0;
    a[i++] += YC_AWAIT(val(40));
    a[i++] *= YC_AWAIT(val(6));
    printf("a=%d %d %d i=%d\n", a[0], a[1], a[2], i);

    struct acc acc = {1};
    struct acc *p = &acc;
    p->sum -= YC_AWAIT(val(8));
    printf("sum=%ld\n", acc.sum);

    YC_SPAWN(adder(3));
    YC_SPAWN(adder(4));
    while (done < 2)
        YC_YIELD();
    printf("total=%d\n", total);
    return 0;
}
// CHECK: x=15
// CHECK-NEXT: a=41 6 1 i=2
// CHECK-NEXT: sum=-7
// CHECK-NEXT: total=16
