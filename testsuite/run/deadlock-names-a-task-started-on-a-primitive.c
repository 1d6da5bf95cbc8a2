// A task started directly on a runtime primitive (YC_ASYNC of
// yc_event_wait) is named after the primitive in the reports, since its
// first frame is that call ("the coroutine it was started with",
// yieldc.h yc_backtrace); blocked there, it has no coroutine of its own
// to list below its head line. Here in the deadlock report
// (foreign-loop.md "Diagnostics"), after which the program fails.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t -lpthread
// RUN: not %run %t 2>&1 | FileCheck %s --match-full-lines

#include <stdio.h>
#include <yieldc.h>

static yc_event never;

// CHECK: yieldc: deadlock: no micro-thread can run and nothing is pending; 2 tasks are blocked:
// CHECK-NEXT:   task 1 (main) waits in yc_event_wait on 0x[[EV:[0-9a-f]+]]
YC_COROUTINE int main(void) {
    yc_task *t = YC_ASYNC(yc_event_wait(&never, YC_NO_DEADLINE));
    (void)t;
    return YC_AWAIT(yc_event_wait(&never, YC_NO_DEADLINE));
    // CHECK-NEXT:     at main ({{.*}}deadlock-names-a-task-started-on-a-primitive.c:[[# @LINE - 1]])
    // CHECK-NEXT:   task 2 (yc_event_wait) waits in yc_event_wait on 0x[[EV]]
    // CHECK-NOT: {{.}}
}
