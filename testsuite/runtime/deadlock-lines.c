// The deadlock report names each blocked task's coroutine and gives the
// file:line of every coroutine up its chain, innermost first, from the
// records that each translated file registers. Under the stackful
// lowering a frame knows its coroutine but not the line it waits at (that
// is on its stack), so this test checks the state-machine lowering only.
// UNSUPPORTED: stackful
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t
// RUN: not %run %t 2>&1 | FileCheck %s

#include "Inputs/assert.h"

static yc_event never;

YC_COROUTINE static int middle(void);

// CHECK: yieldc: deadlock: no micro-thread can run and nothing is pending; 2 tasks are blocked:
// CHECK-NEXT:   task 1 (main) waits in yc_task_join on task 2
YC_COROUTINE int main(void) {
    yc_task *t = YC_ASYNC(middle());
    int r;
    int rc = YC_AWAIT(yc_task_join(t, &r, sizeof r, -1));
    // CHECK-NEXT:     at main ({{.*}}deadlock-lines.c:[[# @LINE - 1]])
    return rc;
}

// CHECK-NEXT:   task 2 (middle) waits in yc_event_wait on 0x{{[0-9a-f]+}}
YC_COROUTINE static int leaf(void) {
    return YC_AWAIT(yc_event_wait(&never, -1));
    // CHECK-NEXT:     at leaf ({{.*}}deadlock-lines.c:[[# @LINE - 1]])
}

YC_COROUTINE static int middle(void) {
    int rc = YC_AWAIT(leaf());
    // CHECK-NEXT:     at middle ({{.*}}deadlock-lines.c:[[# @LINE - 1]])
    return rc;
}
