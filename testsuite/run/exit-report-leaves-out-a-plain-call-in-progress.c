// The exit report (yc_debug_report, foreign-loop.md "Diagnostics") lists
// the tasks a program started and left behind, not the task that runs a
// plain C call of a coroutine: here the program exits from a timer
// callback while plain main's call of work() is still suspended. quick()
// finished and was never joined, stuck() never resumed; work() itself is
// not listed.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t -lpthread
// RUN: %run %t 2>&1 | FileCheck %s --match-full-lines

#include <stdio.h>
#include <stdlib.h>
#include <yieldc.h>

static yc_event never;
static yc_timer quit_timer;

static void quit(yc_timer *t, void *arg) {
    (void)t, (void)arg;
    printf("exiting from a timer callback\n");
    exit(0);
}

YC_COROUTINE static int quick(void) { return 1; }

// CHECK: exiting from a timer callback
// CHECK-NEXT: yieldc: at exit: task 2 (quick) finished but was never joined
// CHECK-NEXT: yieldc: at exit: never resumed: task 3 (stuck) waits in yc_event_wait on 0x{{[0-9a-f]+}}
YC_COROUTINE static int stuck(void) {
    /* quick() has finished: the timer fires in the next round. */
    yc_timer_start(&quit_timer, yc_now(), quit, NULL);
    return YC_AWAIT(yc_event_wait(&never, YC_NO_DEADLINE));
    // At the line it waits at, under both lowerings.
    // CHECK-NEXT:   at stuck ({{.*}}exit-report-leaves-out-a-plain-call-in-progress.c:[[@LINE-2]])
}

YC_COROUTINE static int work(void) {
    yc_task *unjoined = YC_ASYNC(quick());
    (void)unjoined;
    YC_SPAWN(stuck());
    return YC_AWAIT(yc_event_wait(&never, YC_NO_DEADLINE));
}

int main(void) {
    yc_debug_report(1);
    return work(); /* task 1: the plain call */
}
// CHECK-NOT: {{.}}
