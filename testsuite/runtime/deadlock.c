// When no task can run, no timer is pending and nothing can come from
// outside, while tasks are blocked, the program stops with status 2 and
// lists each blocked task and what it waits in, instead of hanging.
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t
// RUN: not %run %t 2>&1 | FileCheck %s

#include "Inputs/assert.h"

static yc_chan *ch;
static yc_mutex m;

YC_COROUTINE static int consumer(void) {
    int v;
    return YC_AWAIT(yc_chan_recv(ch, &v, -1));
}

YC_COROUTINE static void locker(void) {
    int rc = YC_AWAIT(yc_mutex_lock(&m, -1));
    ASSERT_OK(rc);
}

YC_COROUTINE int main(void) {
    ASSERT_OK(yc_chan_create(&ch, sizeof(int), 0));
    int rc = YC_AWAIT(yc_mutex_lock(&m, -1));
    ASSERT_OK(rc);
    YC_SPAWN(locker());
    yc_task *t = YC_ASYNC(consumer());
    printf("joining\n");
    int r;
    rc = YC_AWAIT(yc_task_join(t, &r, sizeof r, -1));
    printf("not reached\n");
    return 0;
}
// CHECK: joining
// CHECK-NEXT: yieldc: deadlock: no micro-thread can run and nothing is pending; 3 tasks are blocked:
// CHECK-NEXT:   task 1 (main) waits in yc_task_join on task 3
// CHECK-NEXT:     at main ({{.*}}deadlock.c:{{[0-9]+}})
// CHECK-NEXT:   task 2 (locker) waits in yc_mutex_lock on 0x{{[0-9a-f]+}}
// CHECK-NEXT:     at locker ({{.*}}deadlock.c:{{[0-9]+}})
// CHECK-NEXT:   task 3 (consumer) waits in yc_chan_recv on 0x{{[0-9a-f]+}}
// CHECK-NEXT:     at consumer ({{.*}}deadlock.c:{{[0-9]+}})
// CHECK-NOT: not reached
