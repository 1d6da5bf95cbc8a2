// YC_AWAIT in each clause of a for: the init runs once, the condition
// before every iteration and once more at the end, the increment after
// every iteration, also after a `continue`, but not after a `break`. Call
// counts and sums equal a plain C reference.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

static int inits, conds, incs;

YC_COROUTINE static int init(int v) {
    inits++;
    YC_YIELD();
    return v;
}

YC_COROUTINE static int cond(int i, int n) {
    conds++;
    YC_YIELD();
    return i < n;
}

YC_COROUTINE static int step(int v) {
    incs++;
    YC_YIELD();
    return v;
}

static void show(const char *what, int sum, int i) {
    printf("%s: sum=%d i=%d init=%d cond=%d inc=%d\n", what, sum, i, inits,
           conds, incs);
    inits = conds = incs = 0;
}

YC_COROUTINE int main(void) {
    int sum = 0, i;
    for (i = YC_AWAIT(init(2)); i < 5; i++)
        sum += i;
    show("init", sum, i);

    sum = 0;
    for (i = 0; YC_AWAIT(cond(i, 4)); i++)
        sum += i;
    show("cond", sum, i);

    sum = 0;
    for (i = 0; i < 10; i += YC_AWAIT(step(3)))
        sum += i;
    show("inc", sum, i);

    sum = 0;
    for (int j = YC_AWAIT(init(0)); YC_AWAIT(cond(j, 6)); j += YC_AWAIT(step(1))) {
        if (j % 2)
            continue;
        if (j == 4)
            break;
        sum += 10 + j;
    }
    show("all, continue, break", sum, 0);

    int rsum = 0;
    for (int j = 0; j < 6; j += 1) {
        if (j % 2)
            continue;
        if (j == 4)
            break;
        rsum += 10 + j;
    }
    printf("ref sum=%d\n", rsum);

    sum = 0;
    for (i = 0; i < 3; i += YC_AWAIT(step(1))) {
        for (int k = 0; k < 3; k++) {
            if (k == 1)
                continue;
            sum += 1;
        }
        if (i == 1)
            continue;
        sum += 100;
    }
    show("nested continue", sum, i);
    return 0;
}
// CHECK: init: sum=9 i=5 init=1 cond=0 inc=0
// CHECK-NEXT: cond: sum=6 i=4 init=0 cond=5 inc=0
// CHECK-NEXT: inc: sum=18 i=12 init=0 cond=0 inc=4
// CHECK-NEXT: all, continue, break: sum=22 i=0 init=1 cond=5 inc=4
// CHECK-NEXT: ref sum=22
// CHECK-NEXT: nested continue: sum=206 i=3 init=0 cond=0 inc=3
