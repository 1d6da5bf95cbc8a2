// yc_sleep_until and yc_sleep_for wake tasks in deadline order (ties in
// the order they went to sleep), return 0 at once for a deadline that
// has passed, and yc_now() is one value within a round and never goes
// back.
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t | FileCheck %s

#include "Inputs/assert.h"

// Macros are not expanded in the arguments of awaited and spawned calls
// yet (a translator bug), so the tests use a constant instead.
static const int64_t ms = YC_MSEC;

// Each sleeper reads the clock in the round in which all of them start,
// so their deadlines keep the order of `after` however late the round
// runs, and none has passed when it blocks.
YC_COROUTINE static void sleeper(int id, int64_t after) {
    int64_t deadline = yc_now() + after;
    int rc = YC_AWAIT(yc_sleep_until(deadline));
    ASSERT_OK(rc);
    ASSERT_GE(yc_now(), deadline);
    printf("woke %d\n", id);
}

YC_COROUTINE static void napper(int id, int64_t ns) {
    int rc = YC_AWAIT(yc_sleep_for(ns));
    ASSERT_OK(rc);
    printf("napped %d\n", id);
}

YC_COROUTINE int main(void) {
    ASSERT_GT(yc_now(), 0);
    yc_task *t[5];
    t[0] = YC_ASYNC(sleeper(3, 3 * ms));
    t[1] = YC_ASYNC(sleeper(1, 1 * ms));
    t[2] = YC_ASYNC(sleeper(2, 2 * ms));
    t[3] = YC_ASYNC(sleeper(22, 2 * ms)); // same deadline: after 2
    t[4] = YC_ASYNC(napper(4, 4 * ms));
    for (int i = 0; i < 5; i++) {
        int rc = YC_AWAIT(yc_task_join(t[i], 0, 0, -1));
        ASSERT_OK(rc);
    }
    printf("main woke\n");
    // CHECK: woke 1
    // CHECK-NEXT: woke 2
    // CHECK-NEXT: woke 22
    // CHECK-NEXT: woke 3
    // CHECK-NEXT: napped 4
    // CHECK-NEXT: main woke

    // A deadline in the past (or zero duration) does not suspend: the
    // clock, read once per round, has not moved.
    int64_t before = yc_now();
    int64_t past = before - YC_SEC;
    int rc = YC_AWAIT(yc_sleep_until(past));
    ASSERT_OK(rc);
    rc = YC_AWAIT(yc_sleep_for(0));
    ASSERT_OK(rc);
    ASSERT_EQ(yc_now(), before);

    // A suspension starts a new round, with a new reading.
    YC_YIELD();
    ASSERT_GE(yc_now(), before);
    printf("done\n");
    // CHECK-NEXT: done
    return 0;
}
