// Other OS threads resolve futures and post work to a scheduler safely:
// the resolve wakes the scheduler, blocked in epoll on its wake-up fd,
// and the waiter and completion callback run on the owner's thread;
// yc_sched_post runs a function there (here, one that spawns a task),
// while a yc_sched_ref keeps the scheduler waiting for it.
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t | FileCheck %s

#define _POSIX_C_SOURCE 200809L
#include "Inputs/assert.h"
#include <pthread.h>
#include <time.h>

enum { WORKERS = 8 };

static pthread_t main_thread;
static yc_sched *sched;
static yc_future *futs[WORKERS];
static int callbacks;

static void *worker(void *arg) {
    int i = (int)(intptr_t)arg;
    // Give the scheduler time to block first (not needed for
    // correctness: an early resolve is simply seen at once).
    struct timespec ts = {0, 2000000};
    nanosleep(&ts, NULL);
    ASSERT_OK(yc_future_resolve(futs[i], i * i, arg));
    yc_future_unref(futs[i]);
    return NULL;
}

static void on_done(yc_future *f, void *arg) {
    (void)f;
    (void)arg;
    ASSERT(pthread_equal(pthread_self(), main_thread));
    callbacks++;
}

static yc_event posted;

YC_COROUTINE static void spawned(void) {
    printf("spawned task runs\n");
    yc_event_set(&posted);
}

static void on_post(void *arg) {
    ASSERT(pthread_equal(pthread_self(), main_thread));
    printf("posted %s\n", (const char *)arg);
    YC_SPAWN(spawned());
}

static void *poster(void *arg) {
    (void)arg;
    struct timespec ts = {0, 2000000};
    nanosleep(&ts, NULL);
    ASSERT_OK(yc_sched_post(sched, on_post, "hello"));
    yc_sched_wake(sched); // harmless: the post woke it already
    yc_sched_unref(sched);
    return NULL;
}

YC_COROUTINE int main(void) {
    main_thread = pthread_self();
    sched = yc_sched_current();
    pthread_t th[WORKERS];
    for (int i = 0; i < WORKERS; i++) {
        ASSERT_OK(yc_future_create(&futs[i]));
        ASSERT_OK(yc_future_on_done(futs[i], on_done, 0));
        yc_future_ref(futs[i]); // the worker's reference
        ASSERT_EQ(pthread_create(&th[i], NULL, worker, (void *)(intptr_t)i), 0);
    }
    int sum = 0;
    for (int i = 0; i < WORKERS; i++) {
        void *value = 0;
        int rc = YC_AWAIT(yc_future_await(futs[i], &value, -1));
        ASSERT_EQ(rc, i * i);
        ASSERT_EQ((intptr_t)value, i);
        sum += rc;
    }
    for (int i = 0; i < WORKERS; i++) {
        ASSERT_EQ(pthread_join(th[i], NULL), 0);
        yc_future_unref(futs[i]);
    }
    YC_YIELD(); // the last callbacks may still be queued
    printf("sum %d callbacks %d\n", sum, callbacks);
    // CHECK: sum 140 callbacks 8

    // A post from another thread. The scheduler holds a reference while
    // it waits for it: with nothing else pending, it would otherwise
    // report a deadlock.
    yc_sched_ref(sched);
    pthread_t p;
    ASSERT_EQ(pthread_create(&p, NULL, poster, NULL), 0);
    int rc = YC_AWAIT(yc_event_wait(&posted, -1));
    ASSERT_OK(rc);
    ASSERT_EQ(pthread_join(p, NULL), 0);
    printf("end\n");
    // CHECK: posted hello
    // CHECK-NEXT: spawned task runs
    // CHECK-NEXT: end
    return 0;
}
