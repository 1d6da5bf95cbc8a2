// A foreign event loop (here a plain poll() loop) drives the scheduler:
// it watches yc_sched_fd() and calls yc_sched_run_ready(), which runs what
// is ready and says how long to sleep (0 while tasks keep yielding, -1
// when only the fd can bring work); sleeps, yields and a future resolved
// by another thread all make progress. Called from a task, run_ready
// fails.
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t | FileCheck %s

#define _POSIX_C_SOURCE 200809L
#include "Inputs/assert.h"
#include <poll.h>
#include <pthread.h>

static int done;
static yc_future *fut;
static pthread_t th;

static void *resolver(void *arg) {
    (void)arg;
    ASSERT_OK(yc_future_resolve(fut, 0, "from a thread"));
    return NULL;
}

YC_COROUTINE static void ticker(int n) {
    for (int i = 1; i <= n; i++) {
        int rc = YC_AWAIT(yc_sleep_for(1000000));
        ASSERT_OK(rc);
        printf("tick %d\n", i);
    }
    ASSERT_EQ(pthread_create(&th, NULL, resolver, NULL), 0);
}

YC_COROUTINE static int yielder(int n) {
    for (int i = 0; i < n; i++)
        YC_YIELD();
    ASSERT_EQ(yc_sched_run_ready(), YC_EINVAL);
    return n;
}

YC_COROUTINE static void waiter(void) {
    void *v;
    int rc = YC_AWAIT(yc_future_await(fut, &v, -1));
    printf("future %d %s\n", rc, (const char *)v);
    done = 1;
}

int main(void) {
    ASSERT_OK(yc_future_create(&fut));
    YC_SPAWN(ticker(3));
    yc_task *y = YC_ASYNC(yielder(5));
    YC_SPAWN(waiter());
    int fd = yc_sched_fd();
    ASSERT_GE(fd, 0);
    int zero = 0;
    while (!done) {
        int64_t wait = yc_sched_run_ready();
        if (done)
            break;
        if (wait == 0)
            zero++;
        struct pollfd p = {fd, POLLIN, 0};
        int ms = wait < 0 ? -1 : (int)((wait + 999999) / 1000000);
        ASSERT_GE(poll(&p, 1, ms), 0);
    }
    ASSERT_EQ(pthread_join(th, NULL), 0);
    // The yielding task asked for immediate reruns.
    ASSERT_GE(zero, 5);
    int r;
    ASSERT_OK(yc_task_join(y, &r, sizeof r, -1)); // plain C: finished
    ASSERT_EQ(r, 5);
    ASSERT_EQ(yc_sched_run_ready(), -1); // nothing left
    yc_future_unref(fut);
    printf("end\n");
    // CHECK: tick 1
    // CHECK-NEXT: tick 2
    // CHECK-NEXT: tick 3
    // CHECK-NEXT: future 0 from a thread
    // CHECK-NEXT: end
    return 0;
}
