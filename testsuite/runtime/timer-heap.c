// The timer heap under load: 20000 timers with pseudo-random deadlines
// and ties, a third of them stopped again, fire exactly once each, in
// (deadline, arming order) order. This checks the heap's sift and
// delete-from-the-middle paths, not time.
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t | FileCheck %s

#include "Inputs/assert.h"

enum { N = 20000 };

static yc_timer timers[N];
static int64_t deadline[N];
static int stopped[N], fired[N];
static int last = -1, nfired;

static void fire(yc_timer *t, void *arg) {
    (void)t;
    int i = (int)(intptr_t)arg;
    ASSERT(!stopped[i]);
    ASSERT_EQ(fired[i], 0);
    fired[i] = 1;
    if (last >= 0) {
        // Deadline order; among equal deadlines, arming order.
        ASSERT_LE(deadline[last], deadline[i]);
        if (deadline[last] == deadline[i])
            ASSERT_LT(last, i);
    }
    last = i;
    nfired++;
}

YC_COROUTINE int main(void) {
    unsigned x = 12345;
    int64_t now = yc_now(), latest = now;
    for (int i = 0; i < N; i++) {
        x = x * 1103515245u + 12345u;
        // 0..999 ns in the past, so that all are due at the next round,
        // with many ties.
        deadline[i] = now - (int64_t)((x >> 8) % 1000);
        ASSERT_OK(
            yc_timer_start(&timers[i], deadline[i], fire, (void *)(intptr_t)i));
    }
    for (int i = 0; i < N; i += 3) {
        ASSERT_OK(yc_timer_stop(&timers[i]));
        stopped[i] = 1;
    }
    int64_t d = latest + 1;
    int rc = YC_AWAIT(yc_sleep_until(d));
    ASSERT_OK(rc);
    int expected = 0;
    for (int i = 0; i < N; i++)
        expected += !stopped[i];
    ASSERT_EQ(nfired, expected);
    printf("fired %d of %d\n", nfired, N);
    // CHECK: fired 13333 of 20000
    return 0;
}
