// Futures on one thread: a coroutine awaits a future that a plain C
// callback resolves later, or that is resolved already; every waiter
// sees the result and value; the completion callback runs once, whether
// set before or after the resolve; a second resolve fails with
// YC_EALREADY; an await can time out and be retried.
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t | FileCheck %s

#include "Inputs/assert.h"

static yc_future *fut;
static yc_timer timer;

static void resolve_from_timer(yc_timer *t, void *arg) {
    (void)t;
    printf("resolving\n");
    ASSERT_OK(yc_future_resolve(fut, 3, arg));
    ASSERT_ERR(yc_future_resolve(fut, 4, 0), YC_EALREADY);
}

static void on_done(yc_future *f, void *arg) {
    printf("callback %s resolved %d\n", (const char *)arg,
           yc_future_is_resolved(f));
}

YC_COROUTINE static void waiter(int id) {
    void *value = 0;
    int rc = YC_AWAIT(yc_future_await(fut, &value, -1));
    printf("waiter %d: %d %s\n", id, rc, (const char *)value);
}

YC_COROUTINE int main(void) {
    ASSERT_OK(yc_future_create(&fut));
    ASSERT(!yc_future_is_resolved(fut));
    ASSERT_OK(yc_future_on_done(fut, on_done, "before"));
    ASSERT_ERR(yc_future_on_done(fut, on_done, "again"), YC_EBUSY);
    YC_SPAWN(waiter(1));
    YC_SPAWN(waiter(2));
    YC_YIELD(); // both wait
    int rc = YC_AWAIT(yc_future_await(fut, 0, 0));
    ASSERT_ERR(rc, YC_ETIMEDOUT);
    int64_t d = yc_now() + YC_MSEC;
    ASSERT_OK(yc_timer_start(&timer, d, resolve_from_timer, "payload"));
    void *value = 0;
    rc = YC_AWAIT(yc_future_await(fut, &value, -1));
    printf("main: %d %s\n", rc, (const char *)value);
    // CHECK: resolving
    // CHECK-NEXT: callback before resolved 1
    // CHECK-NEXT: waiter 1: 3 payload
    // CHECK-NEXT: waiter 2: 3 payload
    // CHECK-NEXT: main: 3 payload
    ASSERT(yc_future_is_resolved(fut));
    rc = YC_AWAIT(yc_future_await(fut, 0, -1)); // resolved: at once
    ASSERT_EQ(rc, 3);
    // A callback set after completion runs at once.
    ASSERT_OK(yc_future_on_done(fut, on_done, "after"));
    // CHECK-NEXT: callback after resolved 1

    // References: the last unref frees it.
    yc_future_ref(fut);
    yc_future_unref(fut);
    yc_future_unref(fut);

    // Resolved before anyone waits, with a negative result.
    ASSERT_OK(yc_future_create(&fut));
    ASSERT_OK(yc_future_resolve(fut, YC_EPIPE, 0));
    rc = YC_AWAIT(yc_future_await(fut, &value, -1));
    ASSERT_ERR(rc, YC_EPIPE);
    ASSERT_NULL(value);
    yc_future_unref(fut);
    printf("end\n");
    // CHECK-NEXT: end
    return 0;
}
