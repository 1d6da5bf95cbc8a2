// Closing a channel fails every blocked sender and receiver with
// YC_EPIPE; buffered messages are still received, then YC_EPIPE; sends
// and a second close fail with YC_EPIPE; a channel with blocked tasks
// cannot be freed (YC_EBUSY).
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t | FileCheck %s

#include "Inputs/assert.h"

static yc_chan *ch;

YC_COROUTINE static void sender(int v) {
    int rc = YC_AWAIT(yc_chan_send(ch, &v, -1));
    printf("sender %d: %s\n", v, yc_err_name(rc));
}

YC_COROUTINE static void receiver(int id) {
    int v = 0;
    int rc = YC_AWAIT(yc_chan_recv(ch, &v, -1));
    printf("receiver %d: %s\n", id, yc_err_name(rc));
}

YC_COROUTINE int main(void) {
    // Blocked senders on a full channel.
    ASSERT_OK(yc_chan_create(&ch, sizeof(int), 1));
    for (int i = 1; i <= 3; i++)
        YC_SPAWN(sender(i));
    YC_YIELD();
    ASSERT_ERR(yc_chan_free(ch), YC_EBUSY);
    ASSERT_OK(yc_chan_close(ch));
    ASSERT_ERR(yc_chan_close(ch), YC_EPIPE);
    YC_YIELD();
    // CHECK: sender 1: 0
    // CHECK-NEXT: sender 2: YC_EPIPE
    // CHECK-NEXT: sender 3: YC_EPIPE
    int v = 9;
    int rc = YC_AWAIT(yc_chan_send(ch, &v, -1));
    ASSERT_ERR(rc, YC_EPIPE);
    ASSERT_ERR(yc_chan_try_send(ch, &v), YC_EPIPE);
    // The buffered message is still delivered, then the channel is done.
    rc = YC_AWAIT(yc_chan_recv(ch, &v, -1));
    ASSERT_OK(rc);
    ASSERT_EQ(v, 1);
    rc = YC_AWAIT(yc_chan_recv(ch, &v, -1));
    ASSERT_ERR(rc, YC_EPIPE);
    ASSERT_ERR(yc_chan_try_recv(ch, &v), YC_EPIPE);
    ASSERT_OK(yc_chan_free(ch));

    // Blocked receivers on an empty channel.
    ASSERT_OK(yc_chan_create(&ch, sizeof(int), 0));
    for (int i = 1; i <= 2; i++)
        YC_SPAWN(receiver(i));
    YC_YIELD();
    ASSERT_ERR(yc_chan_free(ch), YC_EBUSY);
    ASSERT_OK(yc_chan_close(ch));
    YC_YIELD();
    // CHECK-NEXT: receiver 1: YC_EPIPE
    // CHECK-NEXT: receiver 2: YC_EPIPE
    ASSERT_OK(yc_chan_free(ch));
    printf("end\n");
    // CHECK-NEXT: end
    return 0;
}
