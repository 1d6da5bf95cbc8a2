// An unbounded channel never blocks a sender: 100000 messages go in
// (growing the buffer many times, wrapped around) and come out in order.
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t | FileCheck %s

#include "Inputs/assert.h"

enum { N = 100000 };

YC_COROUTINE int main(void) {
    yc_chan *ch;
    ASSERT_OK(yc_chan_create(&ch, sizeof(long), YC_CHAN_UNBOUNDED));
    long v;
    // Offset the ring's head first so that growth has to unwrap it.
    for (long i = 0; i < 10; i++)
        ASSERT_OK(yc_chan_try_send(ch, &i));
    for (long i = 0; i < 10; i++) {
        ASSERT_OK(yc_chan_try_recv(ch, &v));
        ASSERT_EQ(v, i);
    }
    for (long i = 0; i < N; i++) {
        int rc = YC_AWAIT(yc_chan_send(ch, &i, 0));
        ASSERT_OK(rc);
    }
    ASSERT_UEQ(yc_chan_len(ch), N);
    long sum = 0;
    for (long i = 0; i < N; i++) {
        int rc = YC_AWAIT(yc_chan_recv(ch, &v, 0));
        ASSERT_OK(rc);
        ASSERT_EQ(v, i);
        sum += v;
    }
    printf("sum %ld\n", sum);
    // CHECK: sum 4999950000
    ASSERT_ERR(yc_chan_try_recv(ch, &v), YC_EAGAIN);
    ASSERT_OK(yc_chan_free(ch));

    // Messages of size 0 carry only their count.
    ASSERT_OK(yc_chan_create(&ch, 0, YC_CHAN_UNBOUNDED));
    for (int i = 0; i < 40; i++)
        ASSERT_OK(yc_chan_try_send(ch, 0));
    ASSERT_UEQ(yc_chan_len(ch), 40);
    int rc = YC_AWAIT(yc_chan_recv(ch, 0, -1));
    ASSERT_OK(rc);
    ASSERT_UEQ(yc_chan_len(ch), 39);
    ASSERT_OK(yc_chan_free(ch));
    return 0;
}
