// An untimed await of yc_event_wait, yc_mutex_lock or yc_sem_acquire waits
// by the task's own link, with no frame of the call; a timed one, one in a
// deadline scope and a plain C call wait in a frame. Both kinds share the
// object's one FIFO: a released mutex goes to the longest waiter whichever
// kind it is, and a cancelled waiter leaves the queue from its head, its
// middle or its tail without disturbing the others. A mutex handed to a
// waiter before its cancellation is its own: the lock succeeds.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

static yc_mutex m = YC_MUTEX_INIT;

/* how: 0 untimed, 1 with a deadline, 2 in a deadline scope. */
YC_COROUTINE static void locker(int id, int how) {
    int rc = 0;
    if (how == 2)
        yc_deadline_push(yc_now() + 3600 * YC_SEC);
    if (how == 1)
        rc = YC_AWAIT(yc_mutex_lock(&m, yc_now() + 3600 * YC_SEC));
    else
        rc = YC_AWAIT(yc_mutex_lock(&m, YC_NO_DEADLINE));
    printf("locker %d: %s\n", id, yc_err_name(rc));
    YC_YIELD(); /* the others stay queued behind */
    yc_mutex_unlock(&m);
    if (how == 2)
        yc_deadline_pop();
}

/* A plain C function that locks: it runs as a call of its own. */
static void plain_locker(void) {
    int rc = yc_mutex_lock(&m, YC_NO_DEADLINE);
    printf("plain locker: %s\n", yc_err_name(rc));
    yc_mutex_unlock(&m);
}
YC_COROUTINE static void calls_plain(void) { plain_locker(); }

static yc_event ev = YC_EVENT_INIT;

YC_COROUTINE static int waiter(int id) {
    int rc = YC_AWAIT(yc_event_wait(&ev, YC_NO_DEADLINE));
    printf("waiter %d: %s\n", id, yc_err_name(rc));
    return rc;
}

YC_COROUTINE static void selector(void) {
    struct yc_select_op ops[1] = {{.kind = YC_SELECT_EVENT, .on.event = &ev}};
    int rc = YC_AWAIT(yc_select(ops, 1, YC_NO_DEADLINE));
    printf("selector: %d\n", rc);
}

static yc_sem sem = YC_SEM_INIT(0);

YC_COROUTINE static void acquirer(int id) {
    int rc = YC_AWAIT(yc_sem_acquire(&sem, YC_NO_DEADLINE));
    printf("acquirer %d: %s\n", id, yc_err_name(rc));
}

static yc_mutex handed = YC_MUTEX_INIT;

YC_COROUTINE static void takes_handed(void) {
    int rc = YC_AWAIT(yc_mutex_lock(&handed, YC_NO_DEADLINE));
    printf("handed, then cancelled: lock %s, unlock %s\n", yc_err_name(rc),
           yc_err_name(yc_mutex_unlock(&handed)));
}

YC_COROUTINE int main(void) {
    // One FIFO for waiters of every kind.
    YC_AWAIT(yc_mutex_lock(&m, YC_NO_DEADLINE));
    yc_task *l[5];
    l[0] = YC_ASYNC(locker(1, 0));
    l[1] = YC_ASYNC(locker(2, 1));
    l[2] = YC_ASYNC(calls_plain());
    l[3] = YC_ASYNC(locker(3, 2));
    l[4] = YC_ASYNC(locker(4, 0));
    YC_YIELD();
    yc_mutex_unlock(&m);
    for (int i = 0; i < 5; i++)
        YC_AWAIT(yc_task_join(l[i], NULL, 0, YC_NO_DEADLINE));
    // CHECK: locker 1: 0
    // CHECK-NEXT: locker 2: 0
    // CHECK-NEXT: plain locker: 0
    // CHECK-NEXT: locker 3: 0
    // CHECK-NEXT: locker 4: 0

    // Cancelling the head, a middle one and the tail of an event's queue.
    yc_task *w[5];
    for (int i = 0; i < 5; i++)
        w[i] = YC_ASYNC(waiter(i + 1));
    YC_SPAWN(selector());
    YC_YIELD();
    yc_task_cancel(w[0]);
    yc_task_cancel(w[2]);
    yc_task_cancel(w[4]);
    // CHECK-NEXT: waiter 1: YC_ECANCELED
    // CHECK-NEXT: waiter 3: YC_ECANCELED
    // CHECK-NEXT: waiter 5: YC_ECANCELED
    YC_YIELD();
    printf("set\n");
    yc_event_set(&ev);
    // CHECK-NEXT: set
    // CHECK-NEXT: waiter 2: 0
    // CHECK-NEXT: waiter 4: 0
    // CHECK-NEXT: selector: 0
    int rcs[5];
    for (int i = 0; i < 5; i++)
        YC_AWAIT(yc_task_join(w[i], &rcs[i], sizeof rcs[i], YC_NO_DEADLINE));
    for (int i = 0; i < 5; i++)
        printf("%s ", yc_err_name(rcs[i]));
    printf("\n");
    // CHECK-NEXT: YC_ECANCELED 0 YC_ECANCELED 0 YC_ECANCELED

    // A semaphore unit goes to the first waiter still queued.
    yc_task *a1 = YC_ASYNC(acquirer(1)), *a2 = YC_ASYNC(acquirer(2));
    YC_YIELD();
    yc_task_cancel(a1);
    yc_sem_release(&sem);
    YC_AWAIT(yc_task_join(a1, NULL, 0, YC_NO_DEADLINE));
    YC_AWAIT(yc_task_join(a2, NULL, 0, YC_NO_DEADLINE));
    printf("units left: %u\n", yc_sem_value(&sem));
    // CHECK-NEXT: acquirer 1: YC_ECANCELED
    // CHECK-NEXT: acquirer 2: 0
    // CHECK-NEXT: units left: 0

    // Handed the mutex, then cancelled before it runs: the lock is its.
    YC_AWAIT(yc_mutex_lock(&handed, YC_NO_DEADLINE));
    yc_task *h = YC_ASYNC(takes_handed());
    YC_YIELD();
    yc_mutex_unlock(&handed);
    yc_task_cancel(h);
    YC_AWAIT(yc_task_join(h, NULL, 0, YC_NO_DEADLINE));
    printf("free again: %s\n", yc_err_name(yc_mutex_trylock(&handed)));
    // CHECK-NEXT: handed, then cancelled: lock 0, unlock 0
    // CHECK-NEXT: free again: 0
    return 0;
}
