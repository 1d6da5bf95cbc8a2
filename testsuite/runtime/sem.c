// yc_sem: acquire takes a unit or waits for one; release hands a unit to
// the longest waiter (FIFO) before it raises the count; tryacquire,
// timeouts, the count, and the overflow check.
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t | FileCheck %s

#include "Inputs/assert.h"
#include <limits.h>

static yc_sem sem = YC_SEM_INIT(2);

YC_COROUTINE static void user(int id) {
    int rc = YC_AWAIT(yc_sem_acquire(&sem, -1));
    ASSERT_OK(rc);
    printf("in %d\n", id);
    YC_YIELD();
    YC_YIELD();
    printf("out %d\n", id);
    ASSERT_OK(yc_sem_release(&sem));
}

YC_COROUTINE int main(void) {
    ASSERT_EQ(yc_sem_value(&sem), 2);
    for (int i = 1; i <= 4; i++)
        YC_SPAWN(user(i));
    YC_YIELD();
    ASSERT_EQ(yc_sem_value(&sem), 0);
    // CHECK: in 1
    // CHECK-NEXT: in 2
    // CHECK-NEXT: out 1
    // CHECK-NEXT: out 2
    // CHECK-NEXT: in 3
    // CHECK-NEXT: in 4
    // CHECK-NEXT: out 3
    // CHECK-NEXT: out 4
    ASSERT_ERR(yc_sem_tryacquire(&sem), YC_EAGAIN);
    int rc = YC_AWAIT(yc_sem_acquire(&sem, -1)); // queued behind 3 and 4
    ASSERT_OK(rc);
    printf("main in, value %u\n", yc_sem_value(&sem));
    // CHECK-NEXT: main in, value 1
    ASSERT_OK(yc_sem_tryacquire(&sem));
    rc = YC_AWAIT(yc_sem_acquire(&sem, 0));
    ASSERT_ERR(rc, YC_ETIMEDOUT);
    int64_t d = yc_now() + YC_MSEC;
    rc = YC_AWAIT(yc_sem_acquire(&sem, d));
    ASSERT_ERR(rc, YC_ETIMEDOUT);
    ASSERT_OK(yc_sem_release(&sem));
    ASSERT_OK(yc_sem_release(&sem));
    ASSERT_EQ(yc_sem_value(&sem), 2);

    yc_sem big;
    yc_sem_init(&big, UINT_MAX);
    ASSERT_ERR(yc_sem_release(&big), YC_EINVAL);
    ASSERT_UEQ(yc_sem_value(&big), UINT_MAX);
    printf("end\n");
    // CHECK-NEXT: end
    return 0;
}
