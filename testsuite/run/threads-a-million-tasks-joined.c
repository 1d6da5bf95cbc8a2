// A million micro-threads started with YC_ASYNC_ANY into one group on
// two threads, each adding its number to a shared atomic sum: the group
// wait ends once all have finished, every number is counted once, and
// no task is left on either thread (the counts back to where they were).
// (Which thread runs how many depends on the OS; run/threads-spawn-any-
// runs-everywhere.c checks that both take part.)
// Sanitizer builds run 100,000, which take them as long; under
// ThreadSanitizer the stackful lowering's 100,000 stacks are too many
// fibers for it (as in many-tasks.c).
// UNSUPPORTED: stackful && tsan
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t
// RUN: %run %t | FileCheck %s
// CHECK: group wait 0, sum ok, left 1 and 1

#include <stdatomic.h>
#include <stdio.h>
#include <yieldc.h>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define N 100000L
#else
#define N 1000000L
#endif

static atomic_long sum;

YC_COROUTINE static int add(long i) {
    atomic_fetch_add_explicit(&sum, i, memory_order_relaxed);
    return 0;
}

YC_COROUTINE static long tasks_here(void) {
    struct yc_sched_stats st;
    yc_sched_stats(&st);
    return (long)st.tasks;
}

YC_COROUTINE int main(void) {
    yc_threads_start(2);
    yc_group g;
    yc_group_init(&g, 0);
    for (long i = 1; i <= N; i++)
        yc_group_add(&g, YC_ASYNC_ANY(add(i)));
    int rc = YC_AWAIT(yc_group_wait(&g, YC_NO_DEADLINE));
    long there = 0;
    YC_AWAIT(yc_task_join(YC_ASYNC_ON(1, tasks_here()), &there, sizeof there,
                          YC_NO_DEADLINE));
    printf("group wait %d, sum %s, left %ld and %ld\n", rc,
           atomic_load(&sum) == N * (N + 1) / 2 ? "ok" : "WRONG",
           YC_AWAIT(tasks_here()), there);
    return 0;
}
