// A task cancelled while a worker runs its yc_offload job is woken, finds
// the job running and waits for it regardless, no longer cancellable:
// fn's argument must outlive fn (yieldc.h, io.md "Offloading blocking
// calls"). yc_sched_dump shows that wait as "(not cancellable)", with main
// at its yield and caller at its await; the call returns 0 once the job is
// back, with the job's work done.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t -lpthread
// RUN: %run %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: FileCheck --check-prefix=DUMP %s < %t.out

#include <semaphore.h>
#include <stdatomic.h>
#include <stdio.h>
#include <unistd.h>
#include <yieldc.h>

static sem_t gate;
static atomic_int started;

static void held(void *arg) {
    atomic_store(&started, 1);
    while (sem_wait(&gate) != 0)
        ;
    *(int *)arg = 42;
}

YC_COROUTINE static int caller(int *out);

YC_COROUTINE int main(void) {
    if (sem_init(&gate, 0, 0) != 0 || yc_offload_threads(1) != 0)
        return 1;
    int out = 0;
    yc_task *t = YC_ASYNC(caller(&out));
    while (!atomic_load(&started)) /* the worker runs held() */
        YC_AWAIT(yc_sleep_for(YC_MSEC));
    yc_task_cancel(t);
    YC_YIELD(); /* t wakes, finds its job running and waits again */
    printf("after the cancel: done %d, out %d\n", yc_task_done(t), out);
    // CHECK: after the cancel: done 0, out 0
    fflush(stdout);
    yc_sched_dump(STDOUT_FILENO);
    // CHECK-NEXT: yieldc: 2 micro-threads
    // DUMP: task 1 (main) is running
    // DUMP-NEXT:   at main ({{.*}}offload-cancelled-while-its-job-runs.c:[[# @LINE - 7]])
    // DUMP-NEXT: task 2 (caller) waits in yc_offload on 0x{{[0-9a-f]+}} (not cancellable)
    sem_post(&gate);
    int r = -1;
    int rc = YC_AWAIT(yc_task_join(t, &r, sizeof r, YC_NO_DEADLINE));
    printf("joined %d: yc_offload returned %s, out %d\n", rc, yc_err_name(r),
           out);
    // CHECK: joined 0: yc_offload returned 0, out 42
    sem_destroy(&gate);
    return 0;
}

YC_COROUTINE static int caller(int *out) {
    return YC_AWAIT(yc_offload(held, out, YC_NO_DEADLINE));
    // DUMP-NEXT:   at caller ({{.*}}offload-cancelled-while-its-job-runs.c:[[# @LINE - 1]])
}
