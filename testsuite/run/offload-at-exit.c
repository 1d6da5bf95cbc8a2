// At exit the offload pool stops (offload.c, io.md "Offloading blocking
// calls"): a worker still running a job is left to the process's end
// instead of making exit wait for it (here a job that never returns: the
// program still exits, with status 0); a yc_offload made after the
// pool stopped, from an atexit handler that runs later, fails with
// YC_EAGAIN ("the process is exiting", yieldc.h) without running fn; and
// the exiting scheduler drops the job still queued behind the running
// one, which never runs. The handler is registered before the first
// yc_offload starts the pool, so it runs after the pool has stopped.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t -lpthread
// RUN: %run %t | FileCheck %s

#include <semaphore.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <yieldc.h>

static sem_t never; /* never posted */
static atomic_int started, queued_ran, late_ran;

static void stuck(void *arg) {
    (void)arg;
    atomic_store(&started, 1);
    while (sem_wait(&never) != 0)
        ;
}

static void count(void *arg) { atomic_fetch_add((atomic_int *)arg, 1); }

YC_COROUTINE static int offload(void (*fn)(void *), void *arg) {
    return YC_AWAIT(yc_offload(fn, arg, YC_NO_DEADLINE));
}

static void late(void) {
    int rc = offload(count, &late_ran); /* a plain call: runs to the end */
    printf("yc_offload while exiting: %s, ran %d; queued job ran %d\n",
           yc_err_name(rc), atomic_load(&late_ran), atomic_load(&queued_ran));
}

YC_COROUTINE int main(void) {
    if (sem_init(&never, 0, 0) || yc_offload_threads(1))
        return 1;
    atexit(late);
    YC_SPAWN(offload(stuck, NULL));
    while (!atomic_load(&started)) /* the only worker runs stuck() */
        YC_AWAIT(yc_sleep_for(YC_MSEC));
    YC_SPAWN(offload(count, &queued_ran));
    YC_YIELD(); /* its job is queued */
    printf("main returns\n");
    return 0;
}
// CHECK: main returns
// CHECK-NEXT: yc_offload while exiting: YC_EAGAIN, ran 0; queued job ran 0
