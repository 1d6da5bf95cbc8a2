// yc_chan_try_send and yc_chan_try_recv never suspend, so plain C
// callbacks (here a timer's) can feed a channel that a coroutine awaits,
// waking it.
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t | FileCheck %s

#include "Inputs/assert.h"

static yc_chan *ch;
static yc_timer tick;
static int ticks;

static void on_tick(yc_timer *t, void *arg) {
    (void)arg;
    int v = ++ticks;
    ASSERT_OK(yc_chan_try_send(ch, &v));
    if (ticks < 3)
        ASSERT_OK(yc_timer_start(t, yc_now() + YC_MSEC, on_tick, NULL));
    else
        ASSERT_OK(yc_chan_close(ch));
}

YC_COROUTINE int main(void) {
    ASSERT_OK(yc_chan_create(&ch, sizeof(int), 0));
    int v;
    ASSERT_ERR(yc_chan_try_recv(ch, &v), YC_EAGAIN);
    ASSERT_OK(yc_timer_start(&tick, yc_now() + YC_MSEC, on_tick, NULL));
    for (;;) {
        int rc = YC_AWAIT(yc_chan_recv(ch, &v, -1));
        if (rc == YC_EPIPE)
            break;
        ASSERT_OK(rc);
        printf("tick %d\n", v);
    }
    // CHECK: tick 1
    // CHECK-NEXT: tick 2
    // CHECK-NEXT: tick 3
    // CHECK-NEXT: closed
    printf("closed\n");
    ASSERT_OK(yc_chan_free(ch));
    return 0;
}
