// Under a foreign loop (foreign-loop.md), a task that yields in a loop
// shares the thread with the loop even when it is the only task: each
// yc_sched_run_ready call runs it once and returns 0 ("call again soon"),
// so the loop's own work goes on between its steps.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t
// RUN: %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

static int steps, stop;

YC_COROUTINE static void spin(void) {
    while (!stop) {
        steps++;
        YC_YIELD();
    }
    printf("spinner stopped after %d steps\n", steps);
}

int main(void) {
    YC_SPAWN(spin());
    int zeros = 0;
    for (int i = 0; i < 5; i++) {
        zeros += yc_sched_run_ready() == 0;
        printf("loop turn %d: %d steps\n", i, steps);
    }
    stop = 1;
    int64_t last = yc_sched_run_ready();
    printf("zeros %d, then %lld\n", zeros, (long long)last);
    return 0;
}
// CHECK: loop turn 0: 1 steps
// CHECK-NEXT: loop turn 1: 2 steps
// CHECK-NEXT: loop turn 2: 3 steps
// CHECK-NEXT: loop turn 3: 4 steps
// CHECK-NEXT: loop turn 4: 5 steps
// CHECK-NEXT: spinner stopped after 5 steps
// CHECK-NEXT: zeros 5, then -1
