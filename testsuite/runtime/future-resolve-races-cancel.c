// Two other OS threads resolve 2,000 futures that 2,000 micro-threads
// await, and post work, while this thread cancels every other waiter as
// the resolves come in: each waiter ends exactly once, with its future's
// value or with YC_ECANCELED, every post runs once on this thread, and
// nothing is left (run under ThreadSanitizer in CI, where a data race
// in a resolve, a wake-up or a post would be reported).
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t | FileCheck %s

#define _POSIX_C_SOURCE 200809L
#include "Inputs/assert.h"
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>

enum { N = 2000, POSTS = 500 };

static pthread_t main_thread;
static yc_sched *sched;
static yc_future *futs[N];
static int posts_run;
static atomic_int cancelled_to; // the main thread's cancellations so far

static void on_post(void *arg) {
    (void)arg;
    ASSERT(pthread_equal(pthread_self(), main_thread));
    posts_run++;
}

/* Resolves the futures of one parity in order, keeping close behind the
   cancellations so that the two meet on the same waiters, and posts now
   and then; drops its references and the scheduler's. */
static void *resolver(void *arg) {
    int parity = (int)(intptr_t)arg;
    for (int i = parity, k = 0; i < N; i += 2, k++) {
        while (atomic_load(&cancelled_to) + 8 < i)
            sched_yield();
        ASSERT_OK(yc_future_resolve(futs[i], i % 1000, (void *)(intptr_t)i));
        yc_future_unref(futs[i]);
        if (k % 2 == 0 && k / 2 < POSTS)
            ASSERT_OK(yc_sched_post(sched, on_post, NULL));
    }
    yc_sched_unref(sched);
    return NULL;
}

YC_COROUTINE static int waiter(int i) {
    void *value = NULL;
    int rc = YC_AWAIT(yc_future_await(futs[i], &value, YC_NO_DEADLINE));
    if (rc == YC_ECANCELED)
        return -1;
    ASSERT_EQ(rc, i % 1000);
    ASSERT_EQ((intptr_t)value, i);
    return 1;
}

YC_COROUTINE int main(void) {
    main_thread = pthread_self();
    sched = yc_sched_current();
    yc_task *t[N];
    for (int i = 0; i < N; i++) {
        ASSERT_OK(yc_future_create(&futs[i]));
        yc_future_ref(futs[i]); // the resolver's
        t[i] = YC_ASYNC(waiter(i));
    }
    YC_YIELD(); // every waiter waits
    pthread_t th[2];
    for (int k = 0; k < 2; k++) {
        yc_sched_ref(sched); // the resolver's posts may come after the joins
        ASSERT_EQ(pthread_create(&th[k], NULL, resolver, (void *)(intptr_t)k),
                  0);
    }
    /* Cancels the even waiters while the resolvers run, yielding between
       cancellations so that wake-ups from the other threads come in. */
    for (int i = 0; i < N; i += 2) {
        yc_task_cancel(t[i]);
        atomic_store(&cancelled_to, i);
        YC_YIELD();
    }
    atomic_store(&cancelled_to, N);
    int values = 0, cancelled = 0;
    for (int i = 0; i < N; i++) {
        int r = 0;
        ASSERT_OK(YC_AWAIT(yc_task_join(t[i], &r, sizeof r, YC_NO_DEADLINE)));
        ASSERT(r == 1 || (r == -1 && i % 2 == 0));
        values += r == 1;
        cancelled += r == -1;
    }
    for (int k = 0; k < 2; k++)
        ASSERT_EQ(pthread_join(th[k], NULL), 0);
    while (posts_run < 2 * POSTS)
        YC_YIELD(); // the last posts run at the next rounds
    for (int i = 0; i < N; i++)
        yc_future_unref(futs[i]);
    struct yc_sched_stats st;
    yc_sched_stats(&st);
    printf("ended: %d, odd ones with their value: %s, posts run: %d, tasks "
           "left: %u\n",
           values + cancelled, values >= N / 2 ? "yes" : "no", posts_run,
           st.tasks);
    // CHECK: ended: 2000, odd ones with their value: yes, posts run: 1000, tasks left: 1
    return 0;
}
