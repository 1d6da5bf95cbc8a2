// yc_event: set wakes every waiter and stays set until cleared; waiting on
// a set event returns at once; timeouts; yc_event_is_set.
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t | FileCheck %s

#include "Inputs/assert.h"

static yc_event ev = YC_EVENT_INIT;

YC_COROUTINE static void waiter(int id) {
    int rc = YC_AWAIT(yc_event_wait(&ev, -1));
    ASSERT_OK(rc);
    printf("woke %d\n", id);
}

YC_COROUTINE int main(void) {
    ASSERT(!yc_event_is_set(&ev));
    for (int i = 1; i <= 3; i++)
        YC_SPAWN(waiter(i));
    YC_YIELD();
    printf("setting\n");
    yc_event_set(&ev);
    ASSERT(yc_event_is_set(&ev));
    YC_YIELD();
    // CHECK: setting
    // CHECK-NEXT: woke 1
    // CHECK-NEXT: woke 2
    // CHECK-NEXT: woke 3
    int rc = YC_AWAIT(yc_event_wait(&ev, 0)); // set: no wait
    ASSERT_OK(rc);
    yc_event_clear(&ev);
    ASSERT(!yc_event_is_set(&ev));
    rc = YC_AWAIT(yc_event_wait(&ev, 0));
    ASSERT_ERR(rc, YC_ETIMEDOUT);
    int64_t d = yc_now() + YC_MSEC;
    rc = YC_AWAIT(yc_event_wait(&ev, d));
    ASSERT_ERR(rc, YC_ETIMEDOUT);
    yc_event e2;
    yc_event_init(&e2, 1);
    rc = YC_AWAIT(yc_event_wait(&e2, -1));
    ASSERT_OK(rc);
    printf("end\n");
    // CHECK-NEXT: end
    return 0;
}
