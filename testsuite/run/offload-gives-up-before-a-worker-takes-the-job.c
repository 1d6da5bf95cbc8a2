// yc_offload gives up without running fn when the call ends before a worker
// takes the job (yieldc.h, io.md "Offloading blocking calls"): a deadline
// that has already passed when the call is made queues the job and then
// withdraws it (YC_ETIMEDOUT), and a task that is already cancelled fails
// at the call (YC_ECANCELED). The pool has one worker, held busy by a job
// waiting at a gate, so that the other jobs stay queued; once the gate
// opens, the held job finishes and a new job runs normally.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t -lpthread
// RUN: %run %t | FileCheck %s

#include <semaphore.h>
#include <stdatomic.h>
#include <stdio.h>
#include <yieldc.h>

static sem_t gate;
static atomic_int started;

static void held(void *arg) {
    (void)arg;
    atomic_store(&started, 1);
    while (sem_wait(&gate) != 0)
        ;
}

static void mark(void *arg) { ++*(int *)arg; }

YC_COROUTINE static int hold(void) {
    return YC_AWAIT(yc_offload(held, NULL, YC_NO_DEADLINE));
}

YC_COROUTINE static int cancelled_caller(int *marked) {
    yc_task_cancel(yc_task_current());
    return YC_AWAIT(yc_offload(mark, marked, YC_NO_DEADLINE));
}

YC_COROUTINE int main(void) {
    if (sem_init(&gate, 0, 0) != 0 || yc_offload_threads(1) != 0)
        return 1;
    yc_task *h = YC_ASYNC(hold());
    while (!atomic_load(&started)) /* the only worker runs held() */
        YC_AWAIT(yc_sleep_for(YC_MSEC));

    int marked = 0;
    int rc = YC_AWAIT(yc_offload(mark, &marked, yc_now() - 1));
    printf("deadline already passed: %s, ran %d\n", yc_err_name(rc), marked);
    // CHECK: deadline already passed: YC_ETIMEDOUT, ran 0

    int r = -1;
    yc_task *c = YC_ASYNC(cancelled_caller(&marked));
    rc = YC_AWAIT(yc_task_join(c, &r, sizeof r, YC_NO_DEADLINE));
    printf("already cancelled: join %d, %s, ran %d\n", rc, yc_err_name(r),
           marked);
    // CHECK-NEXT: already cancelled: join 0, YC_ECANCELED, ran 0

    sem_post(&gate);
    rc = YC_AWAIT(yc_task_join(h, &r, sizeof r, YC_NO_DEADLINE));
    printf("held job: join %d, %s\n", rc, yc_err_name(r));
    // CHECK-NEXT: held job: join 0, 0
    rc = YC_AWAIT(yc_offload(mark, &marked, YC_NO_DEADLINE));
    printf("after the gate: %s, ran %d\n", yc_err_name(rc), marked);
    // CHECK-NEXT: after the gate: 0, ran 1
    sem_destroy(&gate);
    return 0;
}
