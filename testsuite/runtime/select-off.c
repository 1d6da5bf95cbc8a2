// A select operation switched off never completes: kind YC_SELECT_OFF, or
// a NULL object (Go's nil channel). Merging two channels until both are
// closed turns each case off once its channel reports YC_EPIPE, so a
// closed channel stops winning every round; with every case off, the
// select waits for its deadline.
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t | FileCheck %s

#include "Inputs/assert.h"

YC_COROUTINE static void produce(yc_chan *ch, int first, int n) {
    for (int i = 0; i < n; i++) {
        int v = first + i;
        ASSERT_OK(YC_AWAIT(yc_chan_send(ch, &v, -1)));
        YC_YIELD();
    }
    ASSERT_OK(yc_chan_close(ch));
}

YC_COROUTINE int main(void) {
    yc_chan *a, *b;
    ASSERT_OK(yc_chan_create(&a, sizeof(int), 0));
    ASSERT_OK(yc_chan_create(&b, sizeof(int), 0));
    YC_SPAWN(produce(a, 100, 2));
    YC_SPAWN(produce(b, 200, 5));
    int va, vb, sum = 0, rounds = 0;
    struct yc_select_op ops[] = {
        {YC_SELECT_RECV, {.chan = a}, &va, 0},
        {YC_SELECT_RECV, {.chan = b}, &vb, 0},
    };
    while (ops[0].on.chan || ops[1].kind != YC_SELECT_OFF) {
        int i = YC_AWAIT(yc_select(ops, 2, -1));
        rounds++;
        if (i == 0 && ops[0].result == YC_EPIPE) {
            printf("a closed\n");
            ops[0].on.chan = NULL; // the nil-channel way
        } else if (i == 1 && ops[1].result == YC_EPIPE) {
            printf("b closed\n");
            ops[1].kind = YC_SELECT_OFF; // the explicit way
        } else {
            sum += i == 0 ? va : vb;
        }
    }
    // CHECK: a closed
    // CHECK: b closed
    printf("sum %d rounds %d\n", sum, rounds);
    // CHECK-NEXT: sum 1211 rounds 9

    // Every case off: only the deadline ends the wait.
    int64_t t0 = yc_now();
    int i = YC_AWAIT(yc_select(ops, 2, yc_now() + 20000000));
    printf("all off: %s, waited %d\n", yc_err_name(i),
           yc_now() - t0 >= 20000000);
    // CHECK-NEXT: all off: YC_ETIMEDOUT, waited 1

    // An unknown kind is still an error.
    ops[0].kind = (enum yc_select_kind)99;
    printf("unknown: %s\n", yc_err_name(YC_AWAIT(yc_select(ops, 2, -1))));
    // CHECK-NEXT: unknown: YC_EINVAL
    ASSERT_OK(yc_chan_free(a));
    ASSERT_OK(yc_chan_free(b));
    return 0;
}
