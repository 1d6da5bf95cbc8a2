// With yc_debug_report on, exiting lists the tasks that finished but
// were never joined and those still blocked or ready that never resumed;
// tasks joined, detached or in groups are not listed.
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t
// RUN: %run %t 2>&1 | FileCheck %s

#include "Inputs/assert.h"

static yc_event never;

YC_COROUTINE static int quick(void) { return 1; }

YC_COROUTINE static int stuck(void) {
    return YC_AWAIT(yc_event_wait(&never, -1));
}

YC_COROUTINE static void late(void) { YC_YIELD(); }

YC_COROUTINE int main(void) {
    yc_debug_report(1);
    yc_task *joined = YC_ASYNC(quick());
    yc_task *unjoined = YC_ASYNC(quick());
    yc_task *detached = YC_ASYNC(quick());
    YC_SPAWN(stuck());
    yc_task_detach(detached);
    int r;
    int rc = YC_AWAIT(yc_task_join(joined, &r, sizeof r, -1));
    ASSERT_OK(rc);
    YC_SPAWN(late());
    printf("exiting, task %u unjoined\n", yc_task_id(unjoined));
    return 0;
}
// CHECK: exiting, task 3 unjoined
// CHECK-NEXT: yieldc: at exit: task 3 (quick) finished but was never joined
// CHECK-NEXT: yieldc: at exit: never resumed: task 5 (stuck) waits in yc_event_wait on 0x{{[0-9a-f]+}}
// CHECK-NEXT:   at stuck ({{.*}}debug-report.c:{{[0-9]+}})
// CHECK-NEXT: yieldc: at exit: task 6 (late) was ready but never resumed
// CHECK-NEXT:   at late ({{.*}}debug-report.c:{{[0-9]+}})
// CHECK-NOT: task 2
// CHECK-NOT: task 4
