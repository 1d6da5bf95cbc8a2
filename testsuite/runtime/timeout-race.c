// Timeouts and cancellations that race a completion never lose or
// duplicate anything: whichever comes first wins, and the other finds
// nothing to do. Timers due in a round fire before the round's tasks run,
// so at an equal deadline the timeout wins; a completion that came first
// disarms the timer; a cancellation after a wake-up keeps the result.
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t | FileCheck %s

#include "Inputs/assert.h"

static yc_chan *ch;
static yc_mutex mutex;
static yc_future *future;
static int64_t deadline;

// Sets the shared deadline one millisecond after the current round's
// time. Both parties of a race read it in the same round, before either
// blocks, so neither finds it already passed however slowly the machine
// runs; then only the order of the two wake-ups is in question.
static void set_deadline(void) { deadline = yc_now() + YC_MSEC; }

// Sends v at the shared deadline, which it sets (when 0) or reuses.
YC_COROUTINE static void send_at(int set, int v) {
    if (set)
        set_deadline();
    int rc = YC_AWAIT(yc_sleep_until(deadline));
    ASSERT_OK(rc);
    rc = YC_AWAIT(yc_chan_send(ch, &v, -1));
    ASSERT_OK(rc);
}

YC_COROUTINE static void hold_until_deadline(void) {
    int rc = YC_AWAIT(yc_mutex_lock(&mutex, -1));
    ASSERT_OK(rc);
    set_deadline();
    rc = YC_AWAIT(yc_sleep_until(deadline));
    ASSERT_OK(rc);
    ASSERT_OK(yc_mutex_unlock(&mutex));
}

YC_COROUTINE static int recv_until(int64_t when) {
    int v = -1;
    int rc = YC_AWAIT(yc_chan_recv(ch, &v, when));
    return rc ? rc : v;
}

static void resolve_cb(yc_timer *t, void *arg) {
    (void)t;
    ASSERT_OK(yc_future_resolve(future, 0, arg));
}

YC_COROUTINE int main(void) {
    int v, rc;
    ASSERT_OK(yc_chan_create(&ch, sizeof(int), 1));

    // 1. A receive times out at the very deadline at which a sender
    // wakes: the timeout wins, and the message waits in the channel.
    yc_task *snd = YC_ASYNC(send_at(1, 1));
    YC_YIELD(); // the sender sets the deadline and sleeps until it
    rc = YC_AWAIT(yc_chan_recv(ch, &v, deadline));
    ASSERT_ERR(rc, YC_ETIMEDOUT);
    rc = YC_AWAIT(yc_task_join(snd, 0, 0, -1));
    ASSERT_OK(rc);
    printf("1: %s len %zu\n", yc_err_name(rc), yc_chan_len(ch));
    rc = YC_AWAIT(yc_chan_recv(ch, &v, 0));
    ASSERT_OK(rc);
    ASSERT_EQ(v, 1);
    // CHECK: 1: 0 len 1

    // 2. The same with the receiver blocking first.
    set_deadline();
    yc_task *r = YC_ASYNC(recv_until(deadline));
    YC_YIELD();
    snd = YC_ASYNC(send_at(0, 2));
    rc = YC_AWAIT(yc_task_join(r, &v, sizeof v, -1));
    ASSERT_OK(rc);
    printf("2: %s\n", yc_err_name(v));
    rc = YC_AWAIT(yc_task_join(snd, 0, 0, -1));
    ASSERT_OK(rc);
    rc = YC_AWAIT(yc_chan_recv(ch, &v, 0));
    ASSERT_OK(rc);
    ASSERT_EQ(v, 2);
    // CHECK-NEXT: 2: YC_ETIMEDOUT

    // 3. A completion before the deadline disarms the timeout: were the
    // timer left armed, it would fire into a finished wait during the
    // sleep below and the runtime would abort.
    int64_t far = yc_now() + 100 * YC_MSEC; // never reached by the receive
    deadline = 0;
    YC_SPAWN(send_at(0, 3)); // sends at once
    rc = YC_AWAIT(yc_chan_recv(ch, &v, far));
    ASSERT_OK(rc);
    printf("3: got %d\n", v);
    far += YC_MSEC;
    rc = YC_AWAIT(yc_sleep_until(far));
    ASSERT_OK(rc);
    // CHECK-NEXT: 3: got 3

    // 4. A mutex released at the deadline of a waiter: the waiter times
    // out and does not own it; nobody does.
    YC_SPAWN(hold_until_deadline());
    YC_YIELD(); // it locks, sets the deadline and sleeps until it
    rc = YC_AWAIT(yc_mutex_lock(&mutex, deadline));
    printf("4: %s\n", yc_err_name(rc));
    YC_YIELD();
    ASSERT_OK(yc_mutex_trylock(&mutex));
    ASSERT_OK(yc_mutex_unlock(&mutex));
    // CHECK-NEXT: 4: YC_ETIMEDOUT

    // 5. A future resolved by a timer callback at the await's deadline:
    // the callback's timer was armed first, so the resolve wins.
    ASSERT_OK(yc_future_create(&future));
    yc_timer t = YC_TIMER_INIT;
    deadline = yc_now() + YC_MSEC;
    ASSERT_OK(yc_timer_start(&t, deadline, resolve_cb, "five"));
    void *value = 0;
    rc = YC_AWAIT(yc_future_await(future, &value, deadline));
    printf("5: %s %s\n", yc_err_name(rc), (const char *)value);
    yc_future_unref(future);
    // CHECK-NEXT: 5: 0 five

    // 6. A resolve just after the await's deadline: the timeout wins,
    // and the next await sees the resolve.
    ASSERT_OK(yc_future_create(&future));
    deadline = yc_now() + YC_MSEC;
    rc = YC_AWAIT(yc_future_await(future, &value, 0));
    ASSERT_ERR(rc, YC_ETIMEDOUT);
    ASSERT_OK(yc_timer_start(&t, deadline + 1, resolve_cb, "six"));
    rc = YC_AWAIT(yc_future_await(future, &value, deadline));
    ASSERT_ERR(rc, YC_ETIMEDOUT);
    rc = YC_AWAIT(yc_future_await(future, &value, -1));
    printf("6: %s %s\n", yc_err_name(rc), (const char *)value);
    yc_future_unref(future);
    // CHECK-NEXT: 6: 0 six

    // 7. A receiver is handed a message, then cancelled before it runs:
    // it keeps the message (nothing is lost); only later calls fail.
    yc_task *w = YC_ASYNC(recv_until(-1));
    YC_YIELD(); // w blocks
    v = 8;
    rc = YC_AWAIT(yc_chan_send(ch, &v, -1)); // handed to w, which is queued
    ASSERT_OK(rc);
    yc_task_cancel(w);
    rc = YC_AWAIT(yc_task_join(w, &v, sizeof v, -1));
    ASSERT_OK(rc);
    printf("7: got %d len %zu\n", v, yc_chan_len(ch));
    // CHECK-NEXT: 7: got 8 len 0

    ASSERT_OK(yc_chan_free(ch));
    printf("end\n");
    // CHECK-NEXT: end
    return 0;
}
