// YC_ASYNC_ANY starts micro-threads that idle threads steal: 400 tasks
// started by thread 0 of two run on both threads, each result reaches
// its handle, and each joins from thread 0 (where the handles belong).
// The tasks that run on thread 0 yield until one has run on thread 1, so
// the test does not depend on how fast the second thread gets going.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t
// RUN: %run %t | FileCheck %s
// CHECK: threads 2, index 0
// CHECK-NEXT: sum 80200 ok
// CHECK-NEXT: ran on thread 0: yes, on thread 1: yes
// CHECK-NEXT: tasks left on thread 0: 1, on thread 1: 1

#include <stdatomic.h>
#include <stdio.h>
#include <yieldc.h>

#define N 400

static atomic_int ran_on[2];

YC_COROUTINE static long square_plus(long i) {
    int k = yc_thread_index();
    atomic_fetch_add(&ran_on[k], 1);
    /* Bounded, by far more than any steal takes on a loaded machine. */
    int64_t give_up = yc_now() + 15 * YC_SEC;
    while (k == 0 && !atomic_load(&ran_on[1]) && yc_now() < give_up)
        YC_YIELD();
    if (k == 1) /* some work, so that thread 0 gets to run some too */
        for (volatile int spin = 0; spin < 20000; spin++)
            ;
    return i + 1;
}

YC_COROUTINE static long tasks_here(void) {
    struct yc_sched_stats st;
    yc_sched_stats(&st);
    return yc_thread_index() == 1 ? (long)st.tasks : -1;
}

YC_COROUTINE int main(void) {
    if (yc_threads_start(2) != 0)
        return 1;
    printf("threads %u, index %d\n", yc_threads_count(), yc_thread_index());
    yc_task *t[N];
    for (long i = 0; i < N; i++)
        t[i] = YC_ASYNC_ANY(square_plus(i));
    long sum = 0;
    int bad = 0;
    for (long i = 0; i < N; i++) {
        long r = 0;
        if (YC_AWAIT(yc_task_join(t[i], &r, sizeof r, YC_NO_DEADLINE)) != 0 ||
            r != i + 1)
            bad++;
        sum += r;
    }
    printf("sum %ld %s\n", sum, bad ? "BAD" : "ok");
    printf("ran on thread 0: %s, on thread 1: %s\n",
           atomic_load(&ran_on[0]) ? "yes" : "no",
           atomic_load(&ran_on[1]) ? "yes" : "no");
    /* Each count includes the task asking: main, and the probe. */
    struct yc_sched_stats st;
    yc_sched_stats(&st);
    long there = 0;
    YC_AWAIT(yc_task_join(YC_ASYNC_ON(1, tasks_here()), &there, sizeof there,
                          YC_NO_DEADLINE));
    printf("tasks left on thread 0: %u, on thread 1: %ld\n", st.tasks, there);
    return 0;
}
