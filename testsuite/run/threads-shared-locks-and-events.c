// A shared mutex, semaphore, event and condition variable used by
// micro-threads on two threads:
//  - 6 tasks, 3 on each thread, add 1 to a plain counter 5,000 times each
//    under the mutex, yielding inside the critical section now and then;
//  - 12 tasks hold one of 3 semaphore units while they yield: never more
//    than 3 inside;
//  - 200 waiters, half on each thread, all wake when thread 1 sets the
//    event;
//  - a producer on thread 1 and a consumer on thread 0 pass 20,000 items
//    through a 4-slot buffer guarded by the mutex and two conditions;
//  - a lock with a deadline times out while thread 1 holds the mutex, and
//    a cancelled waiter on the event ends with YC_ECANCELED.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t
// RUN: %run %t | FileCheck %s
// CHECK: mutex: counter 30000
// CHECK-NEXT: semaphore: at most 3 inside, value 3 after
// CHECK-NEXT: event: 200 woken
// CHECK-NEXT: condition: 20000 items, sum ok
// CHECK-NEXT: timed lock: YC_ETIMEDOUT, cancelled wait: YC_ECANCELED
// CHECK-NEXT: tasks left 1

#include <stdatomic.h>
#include <stdio.h>
#include <yieldc.h>

static yc_mutex m;
static long counter;

YC_COROUTINE static int adder(void) {
    for (int i = 0; i < 5000; i++) {
        YC_AWAIT(yc_mutex_lock(&m, YC_NO_DEADLINE));
        long c = counter;
        if (i % 100 == 0)
            YC_YIELD();
        counter = c + 1;
        yc_mutex_unlock(&m);
    }
    return 0;
}

static yc_sem sem;
static atomic_int inside, most;

YC_COROUTINE static int limited(void) {
    for (int i = 0; i < 50; i++) {
        YC_AWAIT(yc_sem_acquire(&sem, YC_NO_DEADLINE));
        int n = atomic_fetch_add(&inside, 1) + 1;
        int seen = atomic_load(&most);
        while (n > seen && !atomic_compare_exchange_weak(&most, &seen, n))
            ;
        YC_YIELD();
        atomic_fetch_sub(&inside, 1);
        yc_sem_release(&sem);
    }
    return 0;
}

static yc_event ev;
static atomic_int woken;

YC_COROUTINE static int waiter(void) {
    if (YC_AWAIT(yc_event_wait(&ev, YC_NO_DEADLINE)) == 0)
        atomic_fetch_add(&woken, 1);
    return 0;
}

YC_COROUTINE static int wait_result(void) {
    return YC_AWAIT(yc_event_wait(&ev, YC_NO_DEADLINE));
}

YC_COROUTINE static int setter(void) {
    YC_AWAIT(yc_sleep_for(5 * YC_MSEC));
    yc_event_set(&ev);
    return 0;
}

static yc_cond not_empty, not_full;
static long buf[4];
static int head, len;

YC_COROUTINE static int producer(void) {
    for (long i = 1; i <= 20000; i++) {
        YC_AWAIT(yc_mutex_lock(&m, YC_NO_DEADLINE));
        while (len == 4)
            YC_AWAIT(yc_cond_wait(&not_full, &m, YC_NO_DEADLINE));
        buf[(head + len++) % 4] = i;
        yc_cond_signal(&not_empty);
        yc_mutex_unlock(&m);
    }
    return 0;
}

YC_COROUTINE static int holder(void) {
    YC_AWAIT(yc_mutex_lock(&m, YC_NO_DEADLINE));
    YC_AWAIT(yc_sleep_for(30 * YC_MSEC));
    yc_mutex_unlock(&m);
    return 0;
}

YC_COROUTINE int main(void) {
    yc_threads_start(2);
    yc_mutex_init_shared(&m);
    yc_group g;
    yc_group_init(&g, 0);
    for (int i = 0; i < 6; i++)
        yc_group_add(&g, YC_ASYNC_ON(i % 2, adder()));
    YC_AWAIT(yc_group_wait(&g, YC_NO_DEADLINE));
    printf("mutex: counter %ld\n", counter);

    yc_sem_init_shared(&sem, 3);
    for (int i = 0; i < 12; i++)
        yc_group_add(&g, YC_ASYNC_ON(i % 2, limited()));
    YC_AWAIT(yc_group_wait(&g, YC_NO_DEADLINE));
    printf("semaphore: at most %d inside, value %u after\n", atomic_load(&most),
           yc_sem_value(&sem));

    yc_event_init_shared(&ev, 0);
    for (int i = 0; i < 200; i++)
        yc_group_add(&g, YC_ASYNC_ON(i % 2, waiter()));
    yc_group_add(&g, YC_ASYNC_ON(1, setter()));
    YC_AWAIT(yc_group_wait(&g, YC_NO_DEADLINE));
    printf("event: %d woken\n", atomic_load(&woken));

    yc_cond_init_shared(&not_empty);
    yc_cond_init_shared(&not_full);
    yc_task *p = YC_ASYNC_ON(1, producer());
    long sum = 0, n = 0;
    while (n < 20000) {
        YC_AWAIT(yc_mutex_lock(&m, YC_NO_DEADLINE));
        while (len == 0)
            YC_AWAIT(yc_cond_wait(&not_empty, &m, YC_NO_DEADLINE));
        sum += buf[head];
        head = (head + 1) % 4;
        len--;
        n++;
        yc_cond_signal(&not_full);
        yc_mutex_unlock(&m);
    }
    YC_AWAIT(yc_task_join(p, NULL, 0, YC_NO_DEADLINE));
    printf("condition: %ld items, sum %s\n", n,
           sum == 20000L * 20001 / 2 ? "ok" : "WRONG");

    yc_task *h = YC_ASYNC_ON(1, holder());
    YC_AWAIT(yc_sleep_for(5 * YC_MSEC));
    int timed = YC_AWAIT(yc_mutex_lock(&m, yc_now() + 5 * YC_MSEC));
    yc_event_init_shared(&ev, 0);
    yc_task *w = YC_ASYNC_ON(1, wait_result());
    YC_AWAIT(yc_sleep_for(YC_MSEC));
    yc_task_cancel(w);
    int waited = 0;
    YC_AWAIT(yc_task_join(w, &waited, sizeof waited, YC_NO_DEADLINE));
    YC_AWAIT(yc_task_join(h, NULL, 0, YC_NO_DEADLINE));
    printf("timed lock: %s, cancelled wait: %s\n", yc_err_name(timed),
           yc_err_name(waited));

    struct yc_sched_stats st;
    yc_sched_stats(&st);
    printf("tasks left %u\n", st.tasks);
    return 0;
}
