// yc_offload runs blocking calls on worker threads while the scheduler
// goes on: a job blocked on a semaphore is released by a micro-thread
// (it could not be, were the scheduler blocked); getaddrinfo; 100 jobs on
// 4 workers; a job still queued when its deadline passes never runs; a
// running job is waited for even when its caller is cancelled.
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t -lpthread && %run %t | FileCheck %s

#define _GNU_SOURCE
#include "Inputs/assert.h"
#include <netdb.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <string.h>

static sem_t gate;
static atomic_int ran;

static void wait_gate(void *arg) {
    (void)arg;
    while (sem_wait(&gate) != 0)
        ;
    atomic_fetch_add(&ran, 1);
}

YC_COROUTINE static void open_gate(void) {
    YC_AWAIT(yc_sleep_for(2 * YC_MSEC));
    ASSERT_EQ(sem_post(&gate), 0);
}

struct lookup {
    const char *name;
    int rc;
    int family;
};

static void lookup(void *arg) {
    struct lookup *l = arg;
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_socktype = SOCK_STREAM;
    l->rc = getaddrinfo(l->name, "80", &hints, &res);
    if (l->rc == 0) {
        l->family = res->ai_family;
        freeaddrinfo(res);
    }
}

static void square(void *arg) {
    long *v = arg;
    *v = *v * *v;
}

YC_COROUTINE static int offload_square(long *v) {
    return YC_AWAIT(yc_offload(square, v, YC_NO_DEADLINE));
}

static void mark(void *arg) { *(int *)arg = 1; }

YC_COROUTINE static int offload_gate(void) {
    return YC_AWAIT(yc_offload(wait_gate, NULL, YC_NO_DEADLINE));
}

YC_COROUTINE int main(void) {
    ASSERT_EQ(sem_init(&gate, 0, 0), 0);

    YC_SPAWN(open_gate());
    int rc = YC_AWAIT(yc_offload(wait_gate, NULL, YC_NO_DEADLINE));
    printf("released by a micro-thread: %d, ran %d\n", rc, atomic_load(&ran));
    // CHECK: released by a micro-thread: 0, ran 1

    struct lookup l = {"localhost", -1, 0};
    rc = YC_AWAIT(yc_offload(lookup, &l, YC_NO_DEADLINE));
    printf("getaddrinfo localhost: %d %s\n", rc,
           l.rc == 0 && (l.family == AF_INET || l.family == AF_INET6) ? "ok"
                                                                       : "failed");
    // CHECK: getaddrinfo localhost: 0 ok

    enum { JOBS = 100 };
    static long v[JOBS];
    yc_task *t[JOBS];
    for (int i = 0; i < JOBS; i++) {
        v[i] = i;
        t[i] = YC_ASYNC(offload_square(&v[i]));
    }
    long sum = 0;
    for (int i = 0; i < JOBS; i++) {
        int r = -1;
        int jr = YC_AWAIT(yc_task_join(t[i], &r, sizeof r, YC_NO_DEADLINE));
        ASSERT_EQ(jr, 0);
        ASSERT_EQ(r, 0);
        sum += v[i];
    }
    printf("sum of squares: %ld\n", sum);
    // CHECK: sum of squares: 328350

    // One worker, kept busy: a second job is still queued at its deadline.
    ASSERT_EQ(yc_offload_threads(1), 0);
    ASSERT_EQ(yc_offload_threads(0), YC_EINVAL);
    // (Workers started earlier stay; occupy them all.)
    yc_task *busy[4];
    for (int i = 0; i < 4; i++)
        busy[i] = YC_ASYNC(offload_gate());
    YC_AWAIT(yc_sleep_for(5 * YC_MSEC));
    int marked = 0;
    rc = YC_AWAIT(yc_offload(mark, &marked, yc_now() + 5 * YC_MSEC));
    printf("queued past its deadline: %s, ran %d\n", yc_err_name(rc), marked);
    // CHECK: queued past its deadline: YC_ETIMEDOUT, ran 0

    // Cancelled while its job runs: the call still waits for the job.
    yc_task_cancel(busy[0]);
    for (int i = 0; i < 4; i++)
        ASSERT_EQ(sem_post(&gate), 0);
    for (int i = 0; i < 4; i++) {
        int r = -1;
        int jr = YC_AWAIT(yc_task_join(busy[i], &r, sizeof r, YC_NO_DEADLINE));
        ASSERT_EQ(jr, 0);
        ASSERT_EQ(r, 0);
    }
    printf("gate jobs ran: %d, marked %d\n", atomic_load(&ran), marked);
    // CHECK: gate jobs ran: 5, marked 0
    return 0;
}
