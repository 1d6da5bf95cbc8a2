// yc_timer runs its callback on the scheduler's thread once its deadline
// has come, in deadline order; a stopped timer never fires, a callback
// may re-arm its own timer (firing again in a later round), and a pending
// timer keeps the program alive. The re-arming chain and the other timers
// are independent, so each is checked on its own.
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t > %t.out
// RUN: FileCheck %s < %t.out
// RUN: FileCheck %s --check-prefix=AGAIN < %t.out

#include "Inputs/assert.h"

static yc_timer a = YC_TIMER_INIT, b, c, again;
static int rounds;
static yc_event chain_done;

static void fired(yc_timer *t, void *arg) {
    (void)t;
    printf("fired %s\n", (const char *)arg);
}

static void rearm(yc_timer *t, void *arg) {
    (void)arg;
    printf("again %d\n", rounds);
    if (++rounds < 3)
        ASSERT_OK(yc_timer_start(t, yc_now(), rearm, NULL));
    else
        yc_event_set(&chain_done);
}

YC_COROUTINE int main(void) {
    int64_t now = yc_now();
    ASSERT_OK(yc_timer_start(&b, now + 2 * YC_MSEC, fired, "b"));
    ASSERT_OK(yc_timer_start(&a, now + 1 * YC_MSEC, fired, "a"));
    ASSERT_OK(yc_timer_start(&c, now + 3 * YC_MSEC, fired, "c"));
    ASSERT_ERR(yc_timer_start(&c, -1, fired, "c"), YC_EINVAL);
    // Re-arming moves the timer: c now fires first.
    ASSERT_OK(yc_timer_start(&c, now, fired, "c"));
    ASSERT_OK(yc_timer_stop(&b));
    ASSERT_ERR(yc_timer_stop(&b), YC_EALREADY);
    ASSERT_OK(yc_timer_start(&again, now, rearm, NULL));
    // CHECK: fired c
    // CHECK-NOT: fired b
    // CHECK: fired a
    // CHECK-NOT: fired b
    // CHECK: slept
    // AGAIN: again 0
    // AGAIN: again 1
    // AGAIN: again 2
    // AGAIN-NOT: again
    int64_t d = now + 5 * YC_MSEC;
    int rc = YC_AWAIT(yc_sleep_until(d));
    ASSERT_OK(rc);
    rc = YC_AWAIT(yc_event_wait(&chain_done, -1));
    ASSERT_OK(rc);
    ASSERT_ERR(yc_timer_stop(&a), YC_EALREADY);
    printf("slept\n");
    return 0;
}
