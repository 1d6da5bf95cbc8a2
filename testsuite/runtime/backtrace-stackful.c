// Under the stackful lowering a coroutine called on a stack runs as a
// plain C call there, without a frame of its own: yc_backtrace (awaited or
// from a signal handler) shows the coroutine whose stack runs, at the line
// of its definition, since the line it runs at is on the stack (a debugger
// shows those C frames). yc_sched_dump still tells tasks and waits apart.
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
// CHECK-NEXT:   at main ({{.*}}backtrace-stackful.c:[[# @LINE + 1]])
YC_COROUTINE int main(void) {
    signal(SIGUSR1, on_signal);
    YC_SPAWN(waiter());
    return YC_AWAIT(inner());
}
// CHECK-NEXT: yieldc: backtrace of task 1 (main):
// CHECK-NEXT:   at main ({{.*}}backtrace-stackful.c:[[# @LINE - 6]])
// CHECK-NEXT: yieldc: 2 micro-threads
// CHECK-NEXT: task 1 (main) is running
// CHECK-NEXT:   at main ({{.*}}backtrace-stackful.c:[[# @LINE - 9]])
// CHECK-NEXT: task 2 (waiter) waits in yc_event_wait on 0x{{[0-9a-f]+}}
// CHECK-NEXT:   at waiter ({{.*}}backtrace-stackful.c:[[# @LINE - 17]])
// CHECK-NOT: {{.}}
