// yc_task_detach gives up a handle: a running task goes on and is freed
// when it finishes, a finished one is freed at once (under Valgrind or
// ASan a leak or double free would fail this test).
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t | FileCheck %s

#include "Inputs/assert.h"

YC_COROUTINE static int work(int id) {
    YC_YIELD();
    printf("work %d done\n", id);
    return id;
}

YC_COROUTINE int main(void) {
    yc_task *running = YC_ASYNC(work(1));
    yc_task *finished = YC_ASYNC(work(2));
    YC_YIELD();
    YC_YIELD();
    ASSERT(yc_task_done(finished));
    yc_task_detach(finished);
    // CHECK: work 1 done
    // CHECK-NEXT: work 2 done
    running = YC_ASYNC(work(3));
    yc_task_detach(running);
    printf("detached\n");
    // CHECK-NEXT: detached
    YC_YIELD();
    YC_YIELD();
    // CHECK-NEXT: work 3 done
    printf("end\n");
    // CHECK-NEXT: end
    return 0;
}
