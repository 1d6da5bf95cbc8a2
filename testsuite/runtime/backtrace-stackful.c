// Under the stackful lowering a coroutine called on a stack runs as a
// plain C call there, without a frame of its own: each such call leaves a
// record on its stack, so yc_backtrace (awaited or from a signal handler)
// and yc_sched_dump show every coroutine on the stack, innermost first,
// at the line of the suspension point it last passed (from a signal
// handler, inner is past line 25's await when it raises).
// REQUIRES: stackful
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t
// RUN: %run %t | FileCheck %s --match-full-lines

#include "Inputs/assert.h"

#include <signal.h>

static yc_event never;

static void on_signal(int sig) {
    (void)sig;
    ASSERT_OK(yc_backtrace(1));
    ASSERT_OK(yc_sched_dump(1));
}

YC_COROUTINE static int inner(void) {
    int rc = YC_AWAIT(yc_backtrace(1));
    ASSERT_OK(rc);
    rc = YC_AWAIT(yc_sleep_for(1000000));
    ASSERT_OK(rc);
    raise(SIGUSR1);
    return 0;
}

YC_COROUTINE static int waiter(void) {
    return YC_AWAIT(yc_event_wait(&never, -1));
}

// CHECK: yieldc: backtrace of task 1 (main):
// CHECK-NEXT:   at inner ({{.*}}backtrace-stackful.c:[[# @LINE - 13]])
// CHECK-NEXT:   at main ({{.*}}backtrace-stackful.c:[[# @LINE + 4]])
YC_COROUTINE int main(void) {
    signal(SIGUSR1, on_signal);
    YC_SPAWN(waiter());
    return YC_AWAIT(inner());
}
// CHECK-NEXT: yieldc: backtrace of task 1 (main):
// CHECK-NEXT:   at inner ({{.*}}backtrace-stackful.c:[[# @LINE - 19]])
// CHECK-NEXT:   at main ({{.*}}backtrace-stackful.c:[[# @LINE - 4]])
// CHECK-NEXT: yieldc: 2 micro-threads
// CHECK-NEXT: task 1 (main) is running
// CHECK-NEXT:   at inner ({{.*}}backtrace-stackful.c:[[# @LINE - 23]])
// CHECK-NEXT:   at main ({{.*}}backtrace-stackful.c:[[# @LINE - 8]])
// CHECK-NEXT: task 2 (waiter) waits in yc_event_wait on 0x{{[0-9a-f]+}}
// CHECK-NEXT:   at waiter ({{.*}}backtrace-stackful.c:[[# @LINE - 19]])
// CHECK-NOT: {{.}}
