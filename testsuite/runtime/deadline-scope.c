// A deadline scope bounds everything awaited inside it, however deeply;
// nested scopes take the earliest deadline; yc_deadline_pop tells which
// scope's deadline cut a call short; an expired scope makes every
// blocking call fail at once; the call's own deadline still applies.
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t | FileCheck %s

#include "Inputs/assert.h"

static yc_event never;

// Two levels down: the scope of the caller still applies.
YC_COROUTINE static int inner(void) {
    return YC_AWAIT(yc_event_wait(&never, -1));
}

YC_COROUTINE static int outer(void) {
    int rc = YC_AWAIT(inner());
    printf("inner: %s\n", yc_err_name(rc));
    return rc;
}

YC_COROUTINE int main(void) {
    ASSERT_ERR(yc_deadline_pop(), YC_EINVAL);
    ASSERT_EQ(yc_deadline(), -1);

    int64_t now = yc_now();
    ASSERT_OK(yc_deadline_push(now + 2 * YC_MSEC));
    ASSERT_EQ(yc_deadline(), now + 2 * YC_MSEC);
    int rc = YC_AWAIT(outer());
    ASSERT_ERR(rc, YC_ETIMEDOUT);
    ASSERT_GE(yc_now(), now + 2 * YC_MSEC);
    ASSERT_ERR(yc_deadline_pop(), YC_ETIMEDOUT);
    // CHECK: inner: YC_ETIMEDOUT

    // Nested: the outer deadline is earlier, so it is the outer scope
    // that reports the timeout.
    now = yc_now();
    ASSERT_OK(yc_deadline_push(now + 1 * YC_MSEC));
    ASSERT_OK(yc_deadline_push(now + 50 * YC_MSEC));
    ASSERT_EQ(yc_deadline(), now + 1 * YC_MSEC);
    rc = YC_AWAIT(outer());
    ASSERT_ERR(rc, YC_ETIMEDOUT);
    ASSERT_OK(yc_deadline_pop());
    ASSERT_ERR(yc_deadline_pop(), YC_ETIMEDOUT);
    // CHECK-NEXT: inner: YC_ETIMEDOUT

    // Nested the other way: the inner one fires.
    now = yc_now();
    ASSERT_OK(yc_deadline_push(now + 50 * YC_MSEC));
    ASSERT_OK(yc_deadline_push(now + 1 * YC_MSEC));
    rc = YC_AWAIT(outer());
    ASSERT_ERR(rc, YC_ETIMEDOUT);
    ASSERT_ERR(yc_deadline_pop(), YC_ETIMEDOUT);
    ASSERT_EQ(yc_deadline(), now + 50 * YC_MSEC);
    ASSERT_OK(yc_deadline_pop());
    // CHECK-NEXT: inner: YC_ETIMEDOUT

    // A call that completes in time: the scope reports nothing.
    now = yc_now();
    ASSERT_OK(yc_deadline_push(now + 50 * YC_MSEC));
    int64_t d = now + YC_MSEC;
    rc = YC_AWAIT(yc_sleep_until(d));
    ASSERT_OK(rc);
    // The call's own earlier deadline is not the scope's.
    rc = YC_AWAIT(yc_event_wait(&never, d));
    ASSERT_ERR(rc, YC_ETIMEDOUT);
    ASSERT_OK(yc_deadline_pop());

    // An expired scope: every blocking call fails at once, even one
    // that could complete; non-blocking calls still work.
    yc_event set;
    yc_event_init(&set, 1);
    ASSERT_OK(yc_deadline_push(yc_now()));
    rc = YC_AWAIT(yc_event_wait(&set, -1));
    ASSERT_ERR(rc, YC_ETIMEDOUT);
    rc = YC_AWAIT(yc_sleep_for(0));
    ASSERT_ERR(rc, YC_ETIMEDOUT);
    ASSERT(yc_event_is_set(&set));
    ASSERT_ERR(yc_deadline_pop(), YC_ETIMEDOUT);
    rc = YC_AWAIT(yc_event_wait(&set, -1));
    ASSERT_OK(rc);

    // A deadline of -1 adds nothing; the outer one still applies.
    now = yc_now();
    ASSERT_OK(yc_deadline_push(now + YC_MSEC));
    ASSERT_OK(yc_deadline_push(-1));
    ASSERT_EQ(yc_deadline(), now + YC_MSEC);
    rc = YC_AWAIT(yc_sleep_for(-1));
    ASSERT_ERR(rc, YC_ETIMEDOUT);
    ASSERT_OK(yc_deadline_pop());
    ASSERT_ERR(yc_deadline_pop(), YC_ETIMEDOUT);
    ASSERT_EQ(yc_deadline(), -1);

    // Scopes left open when a task ends are dropped with it.
    ASSERT_OK(yc_deadline_push(yc_now() + YC_SEC));
    printf("end\n");
    // CHECK-NEXT: end
    return 0;
}
