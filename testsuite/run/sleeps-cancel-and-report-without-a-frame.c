// An await of yc_sleep_for or yc_sleep_until outside any deadline scope
// sleeps with no frame of the call: a pooled timer that knows the task.
// It wakes in deadline order with 0; a cancelled sleeper wakes at once
// with YC_ECANCELED and its timer is gone; a sleep with ns < 0 lasts until
// cancelled; the dump names the call and the time left. In a deadline
// scope the sleep runs in a frame and ends with the scope's YC_ETIMEDOUT.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <unistd.h>
#include <yieldc.h>

static int order[8], norder;

YC_COROUTINE static int sleeper(int id, int64_t ns) {
    int rc = YC_AWAIT(yc_sleep_for(ns));
    order[norder++] = id;
    return rc;
}

YC_COROUTINE static int until(int id, int64_t at) {
    int rc = YC_AWAIT(yc_sleep_until(at));
    order[norder++] = id;
    return rc;
}

YC_COROUTINE int main(void) {
    yc_task *c = YC_ASYNC(sleeper(3, 3600 * YC_SEC));
    yc_task *d = YC_ASYNC(sleeper(4, -1));
    yc_task *e = YC_ASYNC(until(5, yc_now() + 3600 * YC_SEC));
    YC_YIELD();
    struct yc_sched_stats st;
    yc_sched_stats(&st);
    printf("timers while asleep: %u\n", st.timers);
    // CHECK: timers while asleep: 2
    fflush(stdout);
    yc_sched_dump(STDOUT_FILENO);
    // CHECK: task {{[0-9]+}} (sleeper) waits in yc_sleep_for, {{35[0-9]+|36[0-9]+}} ms left
    // CHECK: task {{[0-9]+}} (sleeper) waits in yc_sleep_for{{$}}
    // CHECK: task {{[0-9]+}} (until) waits in yc_sleep_until, {{35[0-9]+|36[0-9]+}} ms left
    yc_task_cancel(c);
    yc_task_cancel(d);
    yc_task_cancel(e);
    int rc[5];
    YC_AWAIT(yc_task_join(c, &rc[2], sizeof rc[2], YC_NO_DEADLINE));
    YC_AWAIT(yc_task_join(d, &rc[3], sizeof rc[3], YC_NO_DEADLINE));
    YC_AWAIT(yc_task_join(e, &rc[4], sizeof rc[4], YC_NO_DEADLINE));
    yc_sched_stats(&st);
    printf("cancelled: %s %s %s, timers left: %u\n", yc_err_name(rc[2]),
           yc_err_name(rc[3]), yc_err_name(rc[4]), st.timers);
    // CHECK: cancelled: YC_ECANCELED YC_ECANCELED YC_ECANCELED, timers left: 0

    // The earlier deadline wakes first, however late both are.
    norder = 0;
    yc_task *a = YC_ASYNC(sleeper(1, 30 * YC_MSEC));
    yc_task *b = YC_ASYNC(until(2, yc_now() + 10 * YC_MSEC));
    YC_AWAIT(yc_task_join(a, &rc[0], sizeof rc[0], YC_NO_DEADLINE));
    YC_AWAIT(yc_task_join(b, &rc[1], sizeof rc[1], YC_NO_DEADLINE));
    printf("woke in order %d %d: %s %s\n", order[0], order[1],
           yc_err_name(rc[0]), yc_err_name(rc[1]));
    // CHECK-NEXT: woke in order 2 1: 0 0

    yc_deadline_push(yc_now() + 5 * YC_MSEC);
    int r = YC_AWAIT(yc_sleep_for(3600 * YC_SEC));
    printf("in a scope: %s, pop %s\n", yc_err_name(r),
           yc_err_name(yc_deadline_pop()));
    // CHECK-NEXT: in a scope: YC_ETIMEDOUT, pop YC_ETIMEDOUT
    return 0;
}
