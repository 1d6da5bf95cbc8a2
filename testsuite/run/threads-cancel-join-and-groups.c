// Micro-threads started on another thread are joined, cancelled and
// grouped from the thread that started them, as local ones are:
//  - 50 sleepers started on thread 1 are cancelled from thread 0 while
//    they sleep: each join gives the sleep's YC_ECANCELED;
//  - a group of 300 YC_ASYNC_ANY children, each sleeping an hour, ends
//    when its wait's deadline cancels them, with YC_ETIMEDOUT;
//  - a fail-fast group whose child on thread 1 fails cancels the rest;
//  - a task cancelled right after it was started on thread 1 (the
//    cancellation may reach that thread before the task or after it)
//    has its first blocking call fail.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t
// RUN: %run %t | FileCheck %s
// CHECK: sleepers: 50 cancelled, 0 other
// CHECK-NEXT: group: YC_ETIMEDOUT, 300 children cancelled
// CHECK-NEXT: fail fast: -7, 20 cancelled
// CHECK-NEXT: cancelled at once: YC_ECANCELED
// CHECK-NEXT: tasks left 1

#include <stdatomic.h>
#include <stdio.h>
#include <yieldc.h>

static atomic_int cancelled;

YC_COROUTINE static int sleeper(void) {
    return YC_AWAIT(yc_sleep_for(3600 * YC_SEC));
}

YC_COROUTINE static int child(void) {
    int rc = YC_AWAIT(yc_sleep_for(3600 * YC_SEC));
    if (rc == YC_ECANCELED)
        atomic_fetch_add(&cancelled, 1);
    return 0;
}

YC_COROUTINE static int fails(void) {
    YC_AWAIT(yc_sleep_for(5 * YC_MSEC));
    return -7;
}

YC_COROUTINE static int first_call(void) {
    return YC_AWAIT(yc_sleep_for(3600 * YC_SEC));
}

YC_COROUTINE int main(void) {
    yc_threads_start(2);

    yc_task *t[50];
    for (int i = 0; i < 50; i++)
        t[i] = YC_ASYNC_ON(1, sleeper());
    YC_AWAIT(yc_sleep_for(10 * YC_MSEC));
    for (int i = 0; i < 50; i++)
        yc_task_cancel(t[i]);
    int n_cancelled = 0, other = 0;
    for (int i = 0; i < 50; i++) {
        int r = 0;
        YC_AWAIT(yc_task_join(t[i], &r, sizeof r, YC_NO_DEADLINE));
        if (r == YC_ECANCELED)
            n_cancelled++;
        else
            other++;
    }
    printf("sleepers: %d cancelled, %d other\n", n_cancelled, other);

    yc_group g;
    yc_group_init(&g, 0);
    for (int i = 0; i < 300; i++)
        yc_group_add(&g, YC_ASYNC_ANY(child()));
    int rc = YC_AWAIT(yc_group_wait(&g, yc_now() + 20 * YC_MSEC));
    printf("group: %s, %d children cancelled\n", yc_err_name(rc),
           atomic_load(&cancelled));

    atomic_store(&cancelled, 0);
    yc_group_init(&g, YC_GROUP_FAIL_FAST);
    for (int i = 0; i < 20; i++)
        yc_group_add(&g, YC_ASYNC_ON(i % 2, child()));
    yc_group_add(&g, YC_ASYNC_ON(1, fails()));
    rc = YC_AWAIT(yc_group_wait(&g, YC_NO_DEADLINE));
    printf("fail fast: %d, %d cancelled\n", rc, atomic_load(&cancelled));

    yc_task *c = YC_ASYNC_ON(1, first_call());
    yc_task_cancel(c);
    int r = 0;
    YC_AWAIT(yc_task_join(c, &r, sizeof r, YC_NO_DEADLINE));
    printf("cancelled at once: %s\n", yc_err_name(r));

    struct yc_sched_stats st;
    yc_sched_stats(&st);
    printf("tasks left %u\n", st.tasks);
    return 0;
}
