// The runtime's blocking calls work from plain C outside any coroutine:
// each runs the scheduler (and the other tasks) until it completes. A
// mutex locked from plain C is held by plain C, so plain C unlocks it;
// deadline scopes need a task.
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t | FileCheck %s

#include "Inputs/assert.h"

static yc_chan *ch;
static yc_mutex m;

YC_COROUTINE static void producer(int n) {
    for (int i = 1; i <= n; i++) {
        int rc = YC_AWAIT(yc_chan_send(ch, &i, -1));
        ASSERT_OK(rc);
    }
    ASSERT_OK(yc_chan_close(ch));
}

YC_COROUTINE static int locker(void) {
    int rc = YC_AWAIT(yc_mutex_lock(&m, -1));
    ASSERT_OK(rc);
    return yc_mutex_unlock(&m);
}

int main(void) {
    ASSERT_NULL(yc_task_current());
    ASSERT_ERR(yc_deadline_push(yc_now() + YC_SEC), YC_EINVAL);
    ASSERT_ERR(yc_deadline_pop(), YC_EINVAL);
    ASSERT_EQ(yc_deadline(), -1);

    int64_t before = yc_now();
    ASSERT_OK(yc_sleep_for(YC_MSEC));
    ASSERT_GE(yc_now(), before + YC_MSEC);
    ASSERT_OK(yc_sleep_until(0));

    ASSERT_OK(yc_chan_create(&ch, sizeof(int), 0));
    YC_SPAWN(producer(3));
    int v, sum = 0;
    while (yc_chan_recv(ch, &v, -1) == 0)
        sum += v;
    printf("sum %d\n", sum);
    // CHECK: sum 6
    ASSERT_OK(yc_chan_free(ch));

    // Plain C holds the mutex; a task waits for it until plain C lets go.
    ASSERT_OK(yc_mutex_lock(&m, -1));
    ASSERT_ERR(yc_mutex_lock(&m, -1), YC_EDEADLK);
    yc_task *t = YC_ASYNC(locker());
    ASSERT_OK(yc_sleep_for(0));
    ASSERT(!yc_task_done(t));
    ASSERT_OK(yc_mutex_unlock(&m));
    int r;
    ASSERT_OK(yc_task_join(t, &r, sizeof r, -1));
    ASSERT_OK(r);
    ASSERT_OK(yc_mutex_trylock(&m));
    ASSERT_OK(yc_mutex_unlock(&m));

    yc_sem sem;
    yc_sem_init(&sem, 1);
    ASSERT_OK(yc_sem_acquire(&sem, -1));
    ASSERT_ERR(yc_sem_acquire(&sem, 0), YC_ETIMEDOUT);
    yc_event e;
    yc_event_init(&e, 1);
    ASSERT_OK(yc_event_wait(&e, -1));
    yc_future *f;
    ASSERT_OK(yc_future_create(&f));
    ASSERT_OK(yc_future_resolve(f, 5, 0));
    ASSERT_EQ(yc_future_await(f, 0, -1), 5);
    yc_future_unref(f);
    printf("end\n");
    // CHECK-NEXT: end
    return 0;
}
