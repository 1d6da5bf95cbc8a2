// yc_mutex: waiters get the mutex in FIFO order, handed over by unlock so
// that no one barges in between; trylock; a waiter that times out leaves
// the queue; unlocking a mutex one does not hold fails with YC_EPERM and
// relocking one's own with YC_EDEADLK.
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t | FileCheck %s

#include "Inputs/assert.h"

static yc_mutex m = YC_MUTEX_INIT;
static int inside;

YC_COROUTINE static void locker(int id) {
    int rc = YC_AWAIT(yc_mutex_lock(&m, -1));
    ASSERT_OK(rc);
    ASSERT_EQ(inside, 0);
    inside = 1;
    printf("locked %d\n", id);
    YC_YIELD(); // others run, and must not get in
    inside = 0;
    ASSERT_OK(yc_mutex_unlock(&m));
}

YC_COROUTINE static void timed_locker(int64_t deadline) {
    int rc = YC_AWAIT(yc_mutex_lock(&m, deadline));
    printf("timed locker: %s\n", yc_err_name(rc));
}

YC_COROUTINE static int try_unlock(void) { return yc_mutex_unlock(&m); }

// Queued before the unlock that hands the mutex to locker 1, so it runs
// in between: the mutex is locker 1's already.
YC_COROUTINE static void barger(void) {
    ASSERT_ERR(yc_mutex_trylock(&m), YC_EBUSY);
    printf("barger refused\n");
}

YC_COROUTINE int main(void) {
    yc_mutex_init(&m);
    int rc = YC_AWAIT(yc_mutex_lock(&m, -1));
    ASSERT_OK(rc);
    rc = YC_AWAIT(yc_mutex_lock(&m, -1));
    ASSERT_ERR(rc, YC_EDEADLK);
    ASSERT_ERR(yc_mutex_trylock(&m), YC_EBUSY);

    YC_SPAWN(locker(1));
    int64_t d = yc_now() + YC_MSEC;
    YC_SPAWN(timed_locker(d));
    YC_SPAWN(locker(2));
    YC_SPAWN(locker(3));
    d += YC_MSEC;
    rc = YC_AWAIT(yc_sleep_until(d));
    ASSERT_OK(rc);
    // CHECK: timed locker: YC_ETIMEDOUT

    yc_task *t = YC_ASYNC(try_unlock());
    int r;
    rc = YC_AWAIT(yc_task_join(t, &r, sizeof r, -1));
    ASSERT_OK(rc);
    ASSERT_ERR(r, YC_EPERM);

    YC_SPAWN(barger());
    ASSERT_OK(yc_mutex_unlock(&m));
    rc = YC_AWAIT(yc_mutex_lock(&m, -1)); // queued behind 2 and 3
    ASSERT_OK(rc);
    printf("main again\n");
    // CHECK-NEXT: barger refused
    // CHECK-NEXT: locked 1
    // CHECK-NEXT: locked 2
    // CHECK-NEXT: locked 3
    // CHECK-NEXT: main again
    ASSERT_OK(yc_mutex_unlock(&m));
    ASSERT_ERR(yc_mutex_unlock(&m), YC_EPERM);
    ASSERT_OK(yc_mutex_trylock(&m));
    ASSERT_OK(yc_mutex_unlock(&m));
    printf("end\n");
    // CHECK-NEXT: end
    return 0;
}
