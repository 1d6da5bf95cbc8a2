// A runtime primitive can be awaited through a function pointer, like any
// coroutine: its plain wrapper sees the await request and hands back its
// frame, so the caller suspends rather than running a nested scheduler.
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t | FileCheck %s

#include "Inputs/assert.h"

static yc_event ev;

YC_COROUTINE static void setter(void) {
    YC_YIELD();
    printf("setting\n");
    yc_event_set(&ev);
}

YC_COROUTINE int main(void) {
    int (*wait)(yc_event *, int64_t) = yc_event_wait;
    int (*sleep)(int64_t) = yc_sleep_for;
    YC_SPAWN(setter());
    int rc = YC_AWAIT(wait(&ev, -1));
    ASSERT_OK(rc);
    printf("woken\n");
    // CHECK: setting
    // CHECK-NEXT: woken
    rc = YC_AWAIT(sleep(1000));
    ASSERT_OK(rc);
    yc_event_clear(&ev);
    rc = YC_AWAIT(wait(&ev, 0));
    ASSERT_ERR(rc, YC_ETIMEDOUT);
    printf("end\n");
    // CHECK-NEXT: end
    return 0;
}
