// A coroutine with a parameter of variably modified type keeps its own C
// frame, as a variadic one does: the size expressions of its parameters
// run once, on entry, whether it is called from plain C, awaited from a
// state machine, spawned or started with YC_ASYNC; and its body sees the
// parameters' real types (sizeof a row of a pointer to a VLA).
// RUN: %yieldc %s -o %t.c 2>/dev/null && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

static int evaluated;

static int count(int n) {
    evaluated++;
    return n;
}

YC_COROUTINE static int sub(int i, int array[i++]) {
    YC_YIELD();
    return i + array[0];
}

YC_COROUTINE static int rows(int n, char (*m)[count(n)]) {
    YC_YIELD();
    return (int)sizeof m[0] * 100 + m[1][0];
}

YC_COROUTINE int main(void) {
    int array[3] = {5, 0, 0};
    char m[2][4] = {{0}, {7}};
    // Awaited: i is 10 + 1 on entry.
    printf("await %d\n", YC_AWAIT(sub(10, array)));
    int r = YC_AWAIT(rows(4, m));
    printf("rows %d evaluated %d\n", r, evaluated);
    // Started as tasks.
    yc_task *t = YC_ASYNC(sub(20, array));
    YC_SPAWN(rows(4, m));
    YC_AWAIT(yc_task_join(t, &r, sizeof r, YC_NO_DEADLINE));
    YC_YIELD();
    printf("async %d evaluated %d\n", r, evaluated);
    return 0;
}
// CHECK: await 16
// CHECK-NEXT: rows 407 evaluated 1
// CHECK-NEXT: async 26 evaluated 2
