// Ten thousand spawned tasks all run to completion, each suspending twice
// while all the others are queued; main waits for them by yielding.
// (Ten thousand stacks at once are ten thousand ThreadSanitizer fibers,
// each with a trace of its own, more than this machine's memory.)
// UNSUPPORTED: stackful && tsan
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

enum { NTASKS = 10000 };

static long sum;
static int started, finished;

YC_COROUTINE static void task(int id) {
    started++;
    YC_YIELD();
    sum += id;
    YC_YIELD();
    finished++;
}

YC_COROUTINE int main(void) {
    // Under --stackful each task has a stack: small ones, since Valgrind's
    // memcheck spends time on every byte of each stack it is given.
    yc_stack_default(64 * 1024);
    for (int i = 0; i < NTASKS; i++)
        YC_SPAWN(task(i));
    printf("before yield: started=%d\n", started);
    YC_YIELD();
    printf("after one yield: started=%d finished=%d\n", started, finished);
    int rounds = 1;
    while (finished < NTASKS) {
        YC_YIELD();
        rounds++;
    }
    printf("finished=%d sum=%ld rounds=%d\n", finished, sum, rounds);
    return 0;
}
// CHECK: before yield: started=0
// CHECK-NEXT: after one yield: started=10000 finished=0
// CHECK-NEXT: finished=10000 sum=49995000 rounds=3
