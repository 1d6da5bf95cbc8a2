// YC_SPAWN and YC_ASYNC written inside user macros, in a plain function
// and in a coroutine: yieldc spells the macros out and starts the tasks.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

#define START(n) YC_SPAWN(worker(n));
#define START_JOINABLE(t, n) yc_task *t = YC_ASYNC(worker(n))

YC_COROUTINE static int worker(int n) {
    YC_YIELD();
    printf("worker %d\n", n);
    return n * 10;
}

static void plain_start(void) {
    for (int i = 1; i <= 2; i++)
        START(i)
}

YC_COROUTINE int main(void) {
    plain_start();
    START_JOINABLE(t, 3);
    int r;
    YC_AWAIT(yc_task_join(t, &r, sizeof r, YC_NO_DEADLINE));
    printf("joined %d\n", r);
    return 0;
}
// CHECK: worker 1
// CHECK-NEXT: worker 2
// CHECK-NEXT: worker 3
// CHECK-NEXT: joined 30
