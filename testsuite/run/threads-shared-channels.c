// Shared channels between micro-threads on two threads, every message
// accounted for:
//  - 4 senders and 4 receivers, half on each thread, move 40,000 numbers
//    through a rendezvous channel and through one holding 16; after
//    yc_chan_close the receivers end with YC_EPIPE;
//  - a ping-pong between thread 0 and thread 1, 10,000 round trips;
//  - receivers with 50-microsecond deadlines race a sender on the other
//    thread: a message is never lost or duplicated, whether the deadline
//    or the message comes first;
//  - a receiver blocked on thread 1 is cancelled from thread 0;
//  - yc_select refuses a shared channel.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t
// RUN: %run %t | FileCheck %s
// CHECK: cap 0: received 40000, sum ok, 4 receivers ended with YC_EPIPE
// CHECK-NEXT: cap 16: received 40000, sum ok, 4 receivers ended with YC_EPIPE
// CHECK-NEXT: ping-pong: 10000 round trips, last 10000
// CHECK-NEXT: deadlines: sent = received: yes, some timed out: yes
// CHECK-NEXT: cancelled receiver: YC_ECANCELED
// CHECK-NEXT: select: YC_EINVAL
// CHECK-NEXT: tasks left 1

#include <stdatomic.h>
#include <stdio.h>
#include <yieldc.h>

#define PER 10000L /* messages per sender */

static atomic_long received, sum;
static atomic_int epipe;

YC_COROUTINE static int sender(yc_chan *ch, long base) {
    for (long i = 1; i <= PER; i++) {
        long v = base + i;
        if (YC_AWAIT(yc_chan_send(ch, &v, YC_NO_DEADLINE)) != 0)
            return -1;
    }
    return 0;
}

YC_COROUTINE static int receiver(yc_chan *ch) {
    for (;;) {
        long v;
        int rc = YC_AWAIT(yc_chan_recv(ch, &v, YC_NO_DEADLINE));
        if (rc == YC_EPIPE) {
            atomic_fetch_add(&epipe, 1);
            return 0;
        }
        if (rc != 0)
            return -1;
        atomic_fetch_add(&received, 1);
        atomic_fetch_add(&sum, v);
    }
}

YC_COROUTINE static void many_to_many(size_t cap) {
    yc_chan *ch;
    yc_chan_create_shared(&ch, sizeof(long), cap);
    atomic_store(&received, 0);
    atomic_store(&sum, 0);
    atomic_store(&epipe, 0);
    yc_group rx, tx;
    yc_group_init(&rx, 0);
    yc_group_init(&tx, 0);
    for (int i = 0; i < 4; i++) {
        yc_group_add(&rx, YC_ASYNC_ON(i % 2, receiver(ch)));
        yc_group_add(&tx, YC_ASYNC_ON((i + 1) % 2, sender(ch, i * 1000000L)));
    }
    int rc = YC_AWAIT(yc_group_wait(&tx, YC_NO_DEADLINE));
    yc_chan_close(ch);
    rc |= YC_AWAIT(yc_group_wait(&rx, YC_NO_DEADLINE));
    long expect = 0;
    for (int i = 0; i < 4; i++)
        expect += i * 1000000L * PER + PER * (PER + 1) / 2;
    printf("cap %zu: received %ld, sum %s, %d receivers ended with %s\n", cap,
           atomic_load(&received), atomic_load(&sum) == expect ? "ok" : "WRONG",
           atomic_load(&epipe), rc ? "errors" : "YC_EPIPE");
    yc_chan_free(ch);
}

YC_COROUTINE static int ponger(yc_chan *ping, yc_chan *pong) {
    long v;
    while (YC_AWAIT(yc_chan_recv(ping, &v, YC_NO_DEADLINE)) == 0) {
        v++;
        YC_AWAIT(yc_chan_send(pong, &v, YC_NO_DEADLINE));
    }
    return 0;
}

YC_COROUTINE static void ping_pong(void) {
    yc_chan *ping, *pong;
    yc_chan_create_shared(&ping, sizeof(long), 0);
    yc_chan_create_shared(&pong, sizeof(long), 0);
    yc_task *t = YC_ASYNC_ON(1, ponger(ping, pong));
    long v = 0;
    int n = 0;
    for (; n < 10000; n++) {
        YC_AWAIT(yc_chan_send(ping, &v, YC_NO_DEADLINE));
        YC_AWAIT(yc_chan_recv(pong, &v, YC_NO_DEADLINE));
    }
    yc_chan_close(ping);
    YC_AWAIT(yc_task_join(t, NULL, 0, YC_NO_DEADLINE));
    printf("ping-pong: %d round trips, last %ld\n", n, v);
    yc_chan_free(ping);
    yc_chan_free(pong);
}

static atomic_long sent_ok, got_ok, timed_out;

YC_COROUTINE static int hasty_sender(yc_chan *ch) {
    for (long i = 0; i < 3000; i++) {
        if (YC_AWAIT(yc_chan_send(ch, &i, yc_now() + 50 * YC_USEC)) == 0)
            atomic_fetch_add(&sent_ok, 1);
        if (i % 64 == 0)
            YC_YIELD();
    }
    return 0;
}

YC_COROUTINE static int hasty_receiver(yc_chan *ch, yc_event *stop) {
    while (!yc_event_is_set(stop)) {
        long v;
        int rc = YC_AWAIT(yc_chan_recv(ch, &v, yc_now() + 50 * YC_USEC));
        if (rc == 0)
            atomic_fetch_add(&got_ok, 1);
        else if (rc == YC_ETIMEDOUT)
            atomic_fetch_add(&timed_out, 1);
        else
            return rc;
    }
    return 0;
}

YC_COROUTINE static void deadlines(void) {
    yc_chan *ch;
    yc_chan_create_shared(&ch, sizeof(long), 0);
    yc_event stop;
    yc_event_init_shared(&stop, 0);
    yc_group g;
    yc_group_init(&g, 0);
    for (int i = 0; i < 2; i++) {
        yc_group_add(&g, YC_ASYNC_ON(1, hasty_sender(ch)));
        yc_group_add(&g, YC_ASYNC_ON(0, hasty_receiver(ch, &stop)));
    }
    /* The receivers stop once both senders are done. */
    while (yc_group_size(&g) > 2)
        YC_AWAIT(yc_sleep_for(YC_MSEC));
    yc_event_set(&stop);
    YC_AWAIT(yc_group_wait(&g, YC_NO_DEADLINE));
    printf("deadlines: sent = received: %s, some timed out: %s\n",
           atomic_load(&sent_ok) == atomic_load(&got_ok) ? "yes" : "no",
           atomic_load(&timed_out) ? "yes" : "no");
    yc_chan_free(ch);
}

YC_COROUTINE static int blocked_receiver(yc_chan *ch) {
    long v;
    return YC_AWAIT(yc_chan_recv(ch, &v, YC_NO_DEADLINE));
}

YC_COROUTINE int main(void) {
    yc_threads_start(2);
    YC_AWAIT(many_to_many(0));
    YC_AWAIT(many_to_many(16));
    YC_AWAIT(ping_pong());
    YC_AWAIT(deadlines());

    yc_chan *ch;
    yc_chan_create_shared(&ch, sizeof(long), 0);
    yc_task *t = YC_ASYNC_ON(1, blocked_receiver(ch));
    YC_AWAIT(yc_sleep_for(5 * YC_MSEC));
    yc_task_cancel(t);
    int r = 0;
    YC_AWAIT(yc_task_join(t, &r, sizeof r, YC_NO_DEADLINE));
    printf("cancelled receiver: %s\n", yc_err_name(r));

    long v = 0;
    struct yc_select_op op = {.kind = YC_SELECT_RECV, .on.chan = ch, .elem = &v};
    printf("select: %s\n",
           yc_err_name(YC_AWAIT(yc_select(&op, 1, YC_NO_DEADLINE))));
    yc_chan_free(ch);

    struct yc_sched_stats st;
    yc_sched_stats(&st);
    printf("tasks left %u\n", st.tasks);
    return 0;
}
