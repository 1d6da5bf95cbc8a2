// yc_select performs the first of several operations that can complete:
// a ready one at once (the first in array order when several are), else
// whichever becomes possible first, of a send, a receive, an event, a
// future or a task's end. Only that operation takes effect; the others
// leave no trace. A closed channel completes its operation with YC_EPIPE.
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t | FileCheck %s

#include "Inputs/assert.h"

static yc_chan *a, *b;
static yc_event ev;
static yc_future *fut;

YC_COROUTINE static void send_later(yc_chan *ch, int v) {
    YC_YIELD();
    int rc = YC_AWAIT(yc_chan_send(ch, &v, -1));
    ASSERT_OK(rc);
}

YC_COROUTINE static void recv_later(yc_chan *ch) {
    YC_YIELD();
    int v;
    int rc = YC_AWAIT(yc_chan_recv(ch, &v, -1));
    ASSERT_OK(rc);
    printf("recv_later got %d\n", v);
}

YC_COROUTINE static void close_later(yc_chan *ch) {
    YC_YIELD();
    ASSERT_OK(yc_chan_close(ch));
}

YC_COROUTINE static void set_later(void) {
    YC_YIELD();
    yc_event_set(&ev);
}

YC_COROUTINE static void resolve_later(void) {
    YC_YIELD();
    ASSERT_OK(yc_future_resolve(fut, 42, "value"));
}

YC_COROUTINE static int finish_later(void) {
    YC_YIELD();
    return 5;
}

YC_COROUTINE int main(void) {
    ASSERT_OK(yc_chan_create(&a, sizeof(int), 1));
    ASSERT_OK(yc_chan_create(&b, sizeof(int), 1));
    ASSERT_OK(yc_future_create(&fut));
    int va = 0, vb = 0, out = 7;
    void *value = 0;
    struct yc_select_op ops[5] = {
        {YC_SELECT_RECV, {.chan = a}, &va, 1},
        {YC_SELECT_RECV, {.chan = b}, &vb, 1},
        {YC_SELECT_EVENT, {.event = &ev}, 0, 1},
        {YC_SELECT_FUTURE, {.future = fut}, &value, 1},
        {YC_SELECT_SEND, {.chan = a}, &out, 1},
    };

    // Ready at once: the send (only it can complete).
    int i = YC_AWAIT(yc_select(ops, 5, -1));
    printf("ready: %d result %d len %zu\n", i, ops[i].result, yc_chan_len(a));
    // CHECK: ready: 4 result 0 len 1
    // Now the receive from a is ready too, and comes first in the array.
    i = YC_AWAIT(yc_select(ops, 5, -1));
    printf("ready: %d got %d\n", i, va);
    // CHECK-NEXT: ready: 0 got 7

    // Blocking: each kind wakes it. Channel a is empty now; make the
    // send impossible by filling b and selecting a send to b instead.
    ops[4].on.chan = b;
    ASSERT_OK(yc_chan_try_send(b, &out));
    ops[1].kind = YC_SELECT_EVENT; // b is full: do not receive from it
    ops[1].on.event = &ev;
    YC_SPAWN(send_later(a, 11));
    i = YC_AWAIT(yc_select(ops, 5, -1));
    printf("woken by %d got %d\n", i, va);
    // CHECK-NEXT: woken by 0 got 11
    YC_SPAWN(set_later());
    i = YC_AWAIT(yc_select(ops, 5, -1));
    printf("woken by %d\n", i);
    // CHECK-NEXT: woken by 1
    yc_event_clear(&ev);
    YC_SPAWN(resolve_later());
    i = YC_AWAIT(yc_select(ops, 5, -1));
    printf("woken by %d result %d value %s\n", i, ops[i].result,
           (const char *)value);
    // CHECK-NEXT: woken by 3 result 42 value value
    ops[3].kind = YC_SELECT_TASK; // the future stays resolved
    ops[3].on.task = YC_ASYNC(finish_later());
    i = YC_AWAIT(yc_select(ops, 5, -1));
    printf("woken by %d done %d\n", i, yc_task_done(ops[3].on.task));
    // CHECK-NEXT: woken by 3 done 1
    int r;
    int rc = YC_AWAIT(yc_task_join(ops[3].on.task, &r, sizeof r, -1));
    ASSERT_OK(rc);
    ASSERT_EQ(r, 5);
    ops[3].kind = YC_SELECT_EVENT;
    ops[3].on.event = &ev;
    // A receiver frees room in b: the select's send completes.
    YC_SPAWN(recv_later(b));
    i = YC_AWAIT(yc_select(ops, 5, -1));
    printf("woken by %d len %zu\n", i, yc_chan_len(b));
    // CHECK-NEXT: recv_later got 7
    // CHECK-NEXT: woken by 4 len 1

    // Only the completed operation took effect: a later sender to a finds
    // no leftover receiver from the select.
    int v = 99;
    ASSERT_OK(yc_chan_try_send(a, &v));
    ASSERT_EQ(yc_chan_len(a), 1);
    ASSERT_OK(yc_chan_try_recv(a, &v));

    // Timeouts.
    i = YC_AWAIT(yc_select(ops, 4, 0));
    ASSERT_ERR(i, YC_ETIMEDOUT);
    int64_t d = yc_now() + YC_MSEC;
    i = YC_AWAIT(yc_select(ops, 4, d));
    ASSERT_ERR(i, YC_ETIMEDOUT);
    d += YC_MSEC;
    i = YC_AWAIT(yc_select(ops, 0, d)); // no operations: a sleep
    ASSERT_ERR(i, YC_ETIMEDOUT);

    // A channel closed while the select waits on it, and one closed
    // before.
    YC_SPAWN(close_later(a));
    i = YC_AWAIT(yc_select(ops, 1, -1));
    printf("closed: %d %s\n", i, yc_err_name(ops[i].result));
    // CHECK-NEXT: closed: 0 YC_EPIPE
    ops[0].result = 1;
    i = YC_AWAIT(yc_select(ops, 1, -1));
    printf("closed: %d %s\n", i, yc_err_name(ops[i].result));
    // CHECK-NEXT: closed: 0 YC_EPIPE

    // Invalid operations.
    struct yc_select_op bad = {(enum yc_select_kind)99, {0}, 0, 0};
    i = YC_AWAIT(yc_select(&bad, 1, -1));
    ASSERT_ERR(i, YC_EINVAL);
    ASSERT_OK(yc_chan_try_recv(b, &v));
    yc_future_unref(fut);
    ASSERT_OK(yc_chan_free(a));
    ASSERT_OK(yc_chan_free(b));
    printf("end\n");
    // CHECK-NEXT: end
    return 0;
}
