// yc_cond: a bounded queue guarded by a mutex and two conditions moves
// every item in order with no lost wake-up; signal wakes one waiter,
// broadcast all; a wait that times out still returns with the mutex
// held; waiting without holding the mutex fails with YC_EPERM.
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t | FileCheck %s

#include "Inputs/assert.h"

enum { CAP = 2, ITEMS = 50 };

static yc_mutex m;
static yc_cond not_empty = YC_COND_INIT, not_full;
static int q[CAP], head, count, sum, received;

YC_COROUTINE static void producer(void) {
    for (int i = 1; i <= ITEMS; i++) {
        int rc = YC_AWAIT(yc_mutex_lock(&m, -1));
        ASSERT_OK(rc);
        while (count == CAP) {
            rc = YC_AWAIT(yc_cond_wait(&not_full, &m, -1));
            ASSERT_OK(rc);
        }
        q[(head + count++) % CAP] = i;
        yc_cond_signal(&not_empty);
        ASSERT_OK(yc_mutex_unlock(&m));
    }
}

YC_COROUTINE static void consumer(void) {
    int expect = 1;
    while (received < ITEMS) {
        int rc = YC_AWAIT(yc_mutex_lock(&m, -1));
        ASSERT_OK(rc);
        while (count == 0) {
            rc = YC_AWAIT(yc_cond_wait(&not_empty, &m, -1));
            ASSERT_OK(rc);
        }
        int v = q[head];
        head = (head + 1) % CAP;
        count--;
        ASSERT_EQ(v, expect);
        expect++;
        sum += v;
        received++;
        yc_cond_signal(&not_full);
        ASSERT_OK(yc_mutex_unlock(&m));
    }
}

static int woken;

YC_COROUTINE static void sleeper(int id) {
    int rc = YC_AWAIT(yc_mutex_lock(&m, -1));
    ASSERT_OK(rc);
    rc = YC_AWAIT(yc_cond_wait(&not_empty, &m, -1));
    ASSERT_OK(rc);
    woken++;
    printf("sleeper %d\n", id);
    ASSERT_OK(yc_mutex_unlock(&m));
}

YC_COROUTINE int main(void) {
    yc_mutex_init(&m);
    yc_cond_init(&not_full);
    yc_task *c = YC_ASYNC(consumer());
    yc_task *p = YC_ASYNC(producer());
    int rc = YC_AWAIT(yc_task_join(p, 0, 0, -1));
    ASSERT_OK(rc);
    rc = YC_AWAIT(yc_task_join(c, 0, 0, -1));
    ASSERT_OK(rc);
    printf("received %d sum %d\n", received, sum);
    // CHECK: received 50 sum 1275

    for (int i = 1; i <= 3; i++)
        YC_SPAWN(sleeper(i));
    YC_YIELD();
    YC_YIELD();
    yc_cond_signal(&not_empty);
    YC_YIELD();
    ASSERT_EQ(woken, 1);
    // CHECK-NEXT: sleeper 1
    yc_cond_broadcast(&not_empty);
    YC_YIELD();
    YC_YIELD();
    ASSERT_EQ(woken, 3);
    // CHECK-NEXT: sleeper 2
    // CHECK-NEXT: sleeper 3
    yc_cond_signal(&not_empty); // nobody waits: nothing happens

    rc = YC_AWAIT(yc_cond_wait(&not_empty, &m, -1));
    ASSERT_ERR(rc, YC_EPERM);
    rc = YC_AWAIT(yc_mutex_lock(&m, -1));
    ASSERT_OK(rc);
    int64_t d = yc_now() + YC_MSEC;
    rc = YC_AWAIT(yc_cond_wait(&not_empty, &m, d));
    ASSERT_ERR(rc, YC_ETIMEDOUT);
    ASSERT_ERR(yc_mutex_trylock(&m), YC_EBUSY);     // held again
    rc = YC_AWAIT(yc_cond_wait(&not_empty, &m, 0)); // never let go
    ASSERT_ERR(rc, YC_ETIMEDOUT);
    ASSERT_OK(yc_mutex_unlock(&m));
    printf("end\n");
    // CHECK-NEXT: end
    return 0;
}
