// Every blocking call of a micro-thread that has been cancelled fails at
// once with YC_ECANCELED, even when it could complete without waiting
// (yieldc.h, "The runtime API"): locking a free mutex, waiting on a
// condition variable (the mutex stays held), awaiting a future, joining a
// task, sending on a channel with room (nothing is sent), a select whose
// event is set, and waiting for an empty group. Calls that never block
// (unlock, the _try forms) still work.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

static yc_mutex m = YC_MUTEX_INIT, free_m = YC_MUTEX_INIT;
static yc_cond c = YC_COND_INIT;
static yc_event never = YC_EVENT_INIT, set = YC_EVENT_INIT;

YC_COROUTINE static int quick(void) { return 1; }

YC_COROUTINE static void victim(yc_task *other, yc_future *fut, yc_chan *ch) {
    int rc = YC_AWAIT(yc_mutex_lock(&m, YC_NO_DEADLINE));
    printf("lock before the cancel: %s\n", yc_err_name(rc));
    rc = YC_AWAIT(yc_event_wait(&never, YC_NO_DEADLINE));
    printf("cancelled while waiting: %s\n", yc_err_name(rc));
    rc = YC_AWAIT(yc_mutex_lock(&free_m, YC_NO_DEADLINE));
    printf("lock of a free mutex: %s\n", yc_err_name(rc));
    rc = YC_AWAIT(yc_cond_wait(&c, &m, YC_NO_DEADLINE));
    printf("cond wait: %s, mutex still held: %s\n", yc_err_name(rc),
           yc_err_name(yc_mutex_unlock(&m)));
    rc = YC_AWAIT(yc_future_await(fut, NULL, YC_NO_DEADLINE));
    printf("future await: %s\n", yc_err_name(rc));
    rc = YC_AWAIT(yc_task_join(other, NULL, 0, YC_NO_DEADLINE));
    printf("join: %s\n", yc_err_name(rc));
    int msg = 1;
    rc = YC_AWAIT(yc_chan_send(ch, &msg, YC_NO_DEADLINE));
    printf("send with room: %s, buffered %zu\n", yc_err_name(rc),
           yc_chan_len(ch));
    printf("try_send: %s\n", yc_err_name(yc_chan_try_send(ch, &msg)));
    struct yc_select_op ops[1] = {{.kind = YC_SELECT_EVENT, .on.event = &set}};
    rc = YC_AWAIT(yc_select(ops, 1, YC_NO_DEADLINE));
    printf("select of a set event: %s\n", yc_err_name(rc));
    yc_group g;
    yc_group_init(&g, 0);
    rc = YC_AWAIT(yc_group_wait(&g, YC_NO_DEADLINE));
    printf("wait for an empty group: %s\n", yc_err_name(rc));
}

YC_COROUTINE int main(void) {
    yc_future *fut;
    yc_chan *ch;
    yc_future_create(&fut);
    yc_chan_create(&ch, sizeof(int), 4);
    yc_event_set(&set);
    yc_task *other = YC_ASYNC(quick());
    yc_task *v = YC_ASYNC(victim(other, fut, ch));
    YC_YIELD(); /* it locks m and waits */
    yc_task_cancel(v);
    YC_AWAIT(yc_task_join(v, NULL, 0, YC_NO_DEADLINE));
    int r = 0;
    int rc = YC_AWAIT(yc_task_join(other, &r, sizeof r, YC_NO_DEADLINE));
    printf("the other task is still joinable: %s, %d\n", yc_err_name(rc), r);
    yc_future_unref(fut);
    yc_chan_free(ch);
    return 0;
}
// CHECK: lock before the cancel: 0
// CHECK-NEXT: cancelled while waiting: YC_ECANCELED
// CHECK-NEXT: lock of a free mutex: YC_ECANCELED
// CHECK-NEXT: cond wait: YC_ECANCELED, mutex still held: 0
// CHECK-NEXT: future await: YC_ECANCELED
// CHECK-NEXT: join: YC_ECANCELED
// CHECK-NEXT: send with room: YC_ECANCELED, buffered 0
// CHECK-NEXT: try_send: 0
// CHECK-NEXT: select of a set event: YC_ECANCELED
// CHECK-NEXT: wait for an empty group: YC_ECANCELED
// CHECK-NEXT: the other task is still joinable: 0, 1
