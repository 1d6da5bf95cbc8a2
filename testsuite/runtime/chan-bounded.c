// A bounded channel buffers up to its capacity, then blocks senders
// (backpressure) until a receive makes room, and delivers in FIFO order,
// across wrap-around of its ring; blocked senders are served in order;
// send and receive time out; messages are copied by value.
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t | FileCheck %s

#include "Inputs/assert.h"

struct msg {
    int id;
    char text[12];
};

static yc_chan *ch;

YC_COROUTINE static void sender(int from, int n) {
    for (int i = 0; i < n; i++) {
        struct msg m = {from + i, "hello"};
        int rc = YC_AWAIT(yc_chan_send(ch, &m, -1));
        ASSERT_OK(rc);
        printf("sent %d\n", m.id);
    }
}

YC_COROUTINE int main(void) {
    ASSERT_OK(yc_chan_create(&ch, sizeof(struct msg), 2));
    YC_SPAWN(sender(1, 4));
    YC_YIELD();
    // Two fit; the third blocks the sender.
    // CHECK: sent 1
    // CHECK-NEXT: sent 2
    // CHECK-NEXT: len 2
    printf("len %zu\n", yc_chan_len(ch));
    struct msg m;
    for (int i = 1; i <= 4; i++) {
        int rc = YC_AWAIT(yc_chan_recv(ch, &m, -1));
        ASSERT_OK(rc);
        ASSERT_EQ(m.id, i);
        printf("got %d %s\n", m.id, m.text);
        YC_YIELD();
    }
    // CHECK-NEXT: got 1 hello
    // CHECK-NEXT: sent 3
    // CHECK-NEXT: got 2 hello
    // CHECK-NEXT: sent 4
    // CHECK-NEXT: got 3 hello
    // CHECK-NEXT: got 4 hello

    // Blocked senders keep their order when room appears.
    struct msg a = {10, "a"}, b = {20, "b"}, c = {30, "c"};
    int rc = YC_AWAIT(yc_chan_send(ch, &a, -1));
    ASSERT_OK(rc);
    rc = YC_AWAIT(yc_chan_send(ch, &a, -1));
    ASSERT_OK(rc);
    rc = YC_AWAIT(yc_chan_send(ch, &b, 0));
    ASSERT_ERR(rc, YC_ETIMEDOUT);
    int64_t d = yc_now() + YC_MSEC;
    rc = YC_AWAIT(yc_chan_send(ch, &b, d));
    ASSERT_ERR(rc, YC_ETIMEDOUT);
    YC_SPAWN(sender(100, 1));
    YC_SPAWN(sender(200, 1));
    YC_YIELD();
    a.id = -1; // the buffered copies are not affected
    for (int i = 0; i < 4; i++) {
        rc = YC_AWAIT(yc_chan_recv(ch, &m, -1));
        ASSERT_OK(rc);
        printf("then %d\n", m.id);
    }
    // CHECK: then 10
    // CHECK-NEXT: then 10
    // CHECK: then 100
    // CHECK: then 200
    rc = YC_AWAIT(yc_chan_recv(ch, &m, 0));
    ASSERT_ERR(rc, YC_ETIMEDOUT);
    d = yc_now() + YC_MSEC;
    rc = YC_AWAIT(yc_chan_recv(ch, &m, d));
    ASSERT_ERR(rc, YC_ETIMEDOUT);
    (void)c;

    // Many messages through a capacity-3 ring, wrapping many times.
    yc_chan *small;
    ASSERT_OK(yc_chan_create(&small, sizeof(int), 3));
    int sum = 0;
    for (int i = 0; i < 100; i++) {
        rc = YC_AWAIT(yc_chan_send(small, &i, 0));
        ASSERT_OK(rc);
        if (i % 2) {
            int v;
            ASSERT_OK(yc_chan_try_recv(small, &v));
            ASSERT_OK(yc_chan_try_recv(small, &v));
            sum += v;
        }
    }
    ASSERT_EQ(yc_chan_len(small), 0);
    printf("sum %d\n", sum);
    // CHECK: sum 2500
    ASSERT_OK(yc_chan_free(small));
    ASSERT_OK(yc_chan_free(ch));
    return 0;
}
