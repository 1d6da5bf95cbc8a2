// Work posted to a scheduler with yc_sched_post runs at its next round
// (yieldc.h): a yield by the only ready task is such a round, so the
// posted function runs before the yield returns. Work posted when no
// round is left to run (main returns right after posting) never runs,
// and is freed with the scheduler at exit: nothing leaks under Valgrind
// or ASan.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t -lpthread
// RUN: %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

static void say(void *arg) { printf("posted: %s\n", (const char *)arg); }

YC_COROUTINE int main(void) {
    if (yc_sched_post(yc_sched_current(), say, "before the yield"))
        return 1;
    YC_YIELD();
    printf("yield returned\n");
    // CHECK: posted: before the yield
    // CHECK-NEXT: yield returned
    if (yc_sched_post(yc_sched_current(), say, "never runs"))
        return 1;
    printf("main returns\n");
    // CHECK-NEXT: main returns
    // CHECK-NOT: never runs
    return 0;
}
