// Cancelling a task ends the blocking call it is in with YC_ECANCELED,
// whatever it waits for (sleep, join, mutex, semaphore, event, condition,
// channel send and receive, select, future, group), and every later
// blocking call fails the same way at once, even one that could complete;
// calls that never block still work, so the task can clean up.
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t | FileCheck %s

#include "Inputs/assert.h"

static yc_mutex mutex;
static yc_sem sem;
static yc_event event;
static yc_cond cond;
static yc_chan *full, *empty;
static yc_future *future;
static yc_task *forever_task;

YC_COROUTINE static int forever(void) { return YC_AWAIT(yc_sleep_until(-1)); }

YC_COROUTINE static int waiter(int kind) {
    int rc = 0, v = 1;
    yc_group g;
    struct yc_select_op ops[2];
    switch (kind) {
    case 0:
        rc = YC_AWAIT(yc_sleep_for(-1));
        break;
    case 1:
        rc = YC_AWAIT(yc_task_join(forever_task, &v, sizeof v, -1));
        break;
    case 2:
        rc = YC_AWAIT(yc_mutex_lock(&mutex, -1));
        break;
    case 3:
        rc = YC_AWAIT(yc_sem_acquire(&sem, -1));
        break;
    case 4:
        rc = YC_AWAIT(yc_event_wait(&event, -1));
        break;
    case 5:
        rc = YC_AWAIT(yc_mutex_lock(&mutex, -1)); // after main unlocks
        ASSERT_OK(rc);
        rc = YC_AWAIT(yc_cond_wait(&cond, &mutex, -1));
        // The mutex is held again whatever ended the wait.
        ASSERT_OK(yc_mutex_unlock(&mutex));
        break;
    case 6:
        rc = YC_AWAIT(yc_chan_send(full, &v, -1));
        break;
    case 7:
        rc = YC_AWAIT(yc_chan_recv(empty, &v, -1));
        break;
    case 8:
        ops[0] = (struct yc_select_op){YC_SELECT_RECV, {.chan = empty}, &v, 1};
        ops[1] =
            (struct yc_select_op){YC_SELECT_EVENT, {.event = &event}, 0, 1};
        rc = YC_AWAIT(yc_select(ops, 2, -1));
        break;
    case 9:
        rc = YC_AWAIT(yc_future_await(future, 0, -1));
        break;
    case 10:
        yc_group_init(&g, 0);
        yc_group_add(&g, YC_ASYNC(forever()));
        yc_group_add(&g, YC_ASYNC(forever()));
        rc = YC_AWAIT(yc_group_wait(&g, -1));
        ASSERT_EQ(yc_group_size(&g), 0);
        break;
    }
    // From now on every blocking call fails, even one that could complete.
    ASSERT(yc_task_cancelled(yc_task_current()));
    int again = YC_AWAIT(yc_sleep_for(0));
    ASSERT_ERR(again, YC_ECANCELED);
    again = YC_AWAIT(yc_chan_recv(full, &v, 0));
    ASSERT_ERR(again, YC_ECANCELED);
    // Calls that never block still work.
    ASSERT_OK(yc_chan_try_recv(full, &v));
    ASSERT_OK(yc_chan_try_send(full, &v));
    return rc;
}

static const char *names[] = {"sleep",  "join",   "mutex", "sem",
                              "event",  "cond",   "send",  "recv",
                              "select", "future", "group"};

YC_COROUTINE int main(void) {
    ASSERT_OK(yc_chan_create(&full, sizeof(int), 1));
    ASSERT_OK(yc_chan_create(&empty, sizeof(int), 1));
    ASSERT_OK(yc_future_create(&future));
    int v = 0;
    ASSERT_OK(yc_chan_try_send(full, &v));
    forever_task = YC_ASYNC(forever());
    for (int kind = 0; kind <= 10; kind++) {
        int rc = YC_AWAIT(yc_mutex_lock(&mutex, -1));
        ASSERT_OK(rc);
        yc_task *t = YC_ASYNC(waiter(kind));
        if (kind == 5) {
            ASSERT_OK(yc_mutex_unlock(&mutex));
            YC_YIELD(); // it locks, then waits on the condition
            rc = YC_AWAIT(yc_mutex_lock(&mutex, -1));
            ASSERT_OK(rc);
        }
        YC_YIELD(); // let it block
        YC_YIELD();
        ASSERT(!yc_task_done(t));
        yc_task_cancel(t);
        yc_task_cancel(t); // twice is harmless
        if (kind == 5)
            YC_YIELD(); // it now waits for the mutex, deaf to cancellation
        ASSERT_OK(yc_mutex_unlock(&mutex));
        int r;
        rc = YC_AWAIT(yc_task_join(t, &r, sizeof r, -1));
        ASSERT_OK(rc);
        printf("%s: %s\n", names[kind], yc_err_name(r));
    }
    // CHECK: sleep: YC_ECANCELED
    // CHECK-NEXT: join: YC_ECANCELED
    // CHECK-NEXT: mutex: YC_ECANCELED
    // CHECK-NEXT: sem: YC_ECANCELED
    // CHECK-NEXT: event: YC_ECANCELED
    // CHECK-NEXT: cond: YC_ECANCELED
    // CHECK-NEXT: send: YC_ECANCELED
    // CHECK-NEXT: recv: YC_ECANCELED
    // CHECK-NEXT: select: YC_ECANCELED
    // CHECK-NEXT: future: YC_ECANCELED
    // CHECK-NEXT: group: YC_ECANCELED

    // Nothing was left in the queues: the primitives still work.
    ASSERT_OK(yc_sem_release(&sem));
    ASSERT_EQ(yc_sem_value(&sem), 1);
    ASSERT_OK(yc_future_resolve(future, 7, 0));
    int r = YC_AWAIT(yc_future_await(future, 0, -1));
    ASSERT_EQ(r, 7);

    // A task cancelled before it first runs; a finished task.
    yc_task *t = YC_ASYNC(forever());
    yc_task_cancel(t);
    int rc = YC_AWAIT(yc_task_join(t, &r, sizeof r, -1));
    ASSERT_OK(rc);
    ASSERT_ERR(r, YC_ECANCELED);
    yc_task_cancel(forever_task);
    rc = YC_AWAIT(yc_task_join(forever_task, &r, sizeof r, -1));
    ASSERT_OK(rc);
    printf("end %s\n", yc_err_name(r));
    // CHECK-NEXT: end YC_ECANCELED
    yc_future_unref(future);
    ASSERT_OK(yc_chan_free(full));
    ASSERT_OK(yc_chan_free(empty));
    return 0;
}
