// A channel of capacity 0 is a rendezvous: a send completes only when a
// receiver takes the message, and a receive only when a sender offers
// one, whichever arrives first; nothing is ever buffered.
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t | FileCheck %s

#include "Inputs/assert.h"

static yc_chan *ch;

YC_COROUTINE static void receiver(void) {
    for (int i = 0; i < 3; i++) {
        int v;
        int rc = YC_AWAIT(yc_chan_recv(ch, &v, -1));
        ASSERT_OK(rc);
        printf("received %d\n", v);
    }
}

YC_COROUTINE static void sender(int v) {
    int rc = YC_AWAIT(yc_chan_send(ch, &v, -1));
    ASSERT_OK(rc);
    printf("sent %d\n", v);
}

YC_COROUTINE int main(void) {
    ASSERT_OK(yc_chan_create(&ch, sizeof(int), 0));
    int v = 1;
    // No receiver: a send cannot complete.
    ASSERT_ERR(yc_chan_try_send(ch, &v), YC_EAGAIN);
    int rc = YC_AWAIT(yc_chan_send(ch, &v, 0));
    ASSERT_ERR(rc, YC_ETIMEDOUT);
    ASSERT_ERR(yc_chan_try_recv(ch, &v), YC_EAGAIN);

    // Receiver first: the send hands over at once.
    YC_SPAWN(receiver());
    YC_YIELD();
    rc = YC_AWAIT(yc_chan_send(ch, &v, 0));
    ASSERT_OK(rc);
    printf("main sent 1\n");
    // CHECK: main sent 1
    // CHECK-NEXT: received 1

    // The receiver waits again, so sender 2 hands over at once; sender 3
    // then waits until the receiver comes back.
    YC_SPAWN(sender(2));
    YC_SPAWN(sender(3));
    YC_YIELD();
    ASSERT_EQ(yc_chan_len(ch), 0);
    printf("one sender waiting\n");
    // CHECK-NEXT: sent 2
    // CHECK-NEXT: one sender waiting
    // CHECK-NEXT: received 2
    // CHECK-NEXT: received 3
    // CHECK-NEXT: sent 3
    YC_YIELD();
    YC_YIELD();
    YC_YIELD();
    ASSERT_OK(yc_chan_free(ch));
    return 0;
}
