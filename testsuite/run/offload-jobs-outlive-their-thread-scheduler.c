// A thread whose scheduler is torn down (at the thread's exit) while its
// tasks wait in yc_offload abandons their jobs (offload.c): a job a worker
// is running finishes there and is freed without being posted back, and a
// job still queued never runs; jobs of other schedulers queued beside it
// are kept and run. The thread drives its scheduler with
// yc_sched_run_ready (foreign-loop.md), so its tasks are blocked, not
// running, when it ends. One worker: the thread's first job holds it at a
// gate, so main's job and the thread's second job stay queued. Leak-free
// under Valgrind and ASan.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t -lpthread
// RUN: %run %t | FileCheck %s

#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdio.h>
#include <yieldc.h>

static sem_t gate, started, thread_ready, main_queued;
static atomic_int held_done, second_ran, main_ran;

static void held(void *arg) {
    (void)arg;
    sem_post(&started);
    while (sem_wait(&gate) != 0)
        ;
    atomic_store(&held_done, 1);
}

static void count(void *arg) { atomic_fetch_add((atomic_int *)arg, 1); }

YC_COROUTINE static int offload(void (*fn)(void *), void *arg) {
    return YC_AWAIT(yc_offload(fn, arg, YC_NO_DEADLINE));
}

static void *thread_main(void *unused) {
    (void)unused;
    YC_SPAWN(offload(held, NULL));
    yc_sched_run_ready(); /* submits held(), which the worker takes */
    while (sem_wait(&started) != 0)
        ;
    sem_post(&thread_ready);
    while (sem_wait(&main_queued) != 0)
        ;
    YC_SPAWN(offload(count, &second_ran));
    yc_sched_run_ready(); /* queued behind main's job */
    return NULL;          /* the scheduler goes, its tasks still blocked */
}

YC_COROUTINE int main(void) {
    if (sem_init(&gate, 0, 0) || sem_init(&started, 0, 0) ||
        sem_init(&thread_ready, 0, 0) || sem_init(&main_queued, 0, 0) ||
        yc_offload_threads(1))
        return 1;
    pthread_t th;
    if (pthread_create(&th, NULL, thread_main, NULL))
        return 1;
    while (sem_wait(&thread_ready) != 0) /* held() runs on the worker */
        ;
    yc_task *t = YC_ASYNC(offload(count, &main_ran));
    YC_YIELD(); /* t queues its job behind held() */
    sem_post(&main_queued);
    pthread_join(th, NULL);
    printf("thread gone: held done %d, queued jobs ran %d %d\n",
           atomic_load(&held_done), atomic_load(&second_ran),
           atomic_load(&main_ran));
    // CHECK: thread gone: held done 0, queued jobs ran 0 0
    sem_post(&gate); /* held() ends; the worker then takes main's job */
    int r = -1;
    int rc = YC_AWAIT(yc_task_join(t, &r, sizeof r, YC_NO_DEADLINE));
    printf("main's job: join %d, %s, ran %d; held done %d, second ran %d\n",
           rc, yc_err_name(r), atomic_load(&main_ran),
           atomic_load(&held_done), atomic_load(&second_ran));
    // CHECK-NEXT: main's job: join 0, 0, ran 1; held done 1, second ran 0
    return 0;
}
