// A scheduler that holds a yc_sched_ref waits for work from outside
// instead of reporting a deadlock; once the reference is dropped, the
// same wait is reported as one.
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t
// RUN: not %run %t 2>&1 | FileCheck %s

#define _POSIX_C_SOURCE 200809L
#include "Inputs/assert.h"
#include <pthread.h>
#include <time.h>

static yc_sched *sched;
static yc_event ev;

static void set_event(void *arg) {
    (void)arg;
    yc_event_set(&ev);
}

// Posts after a while, then drops the reference.
static void *poster(void *arg) {
    (void)arg;
    struct timespec ts = {0, 2000000};
    nanosleep(&ts, NULL);
    ASSERT_OK(yc_sched_post(sched, set_event, NULL));
    yc_sched_unref(sched);
    return NULL;
}

YC_COROUTINE int main(void) {
    sched = yc_sched_current();
    yc_sched_ref(sched);
    pthread_t th;
    ASSERT_EQ(pthread_create(&th, NULL, poster, NULL), 0);
    int rc = YC_AWAIT(yc_event_wait(&ev, -1));
    ASSERT_OK(rc);
    ASSERT_EQ(pthread_join(th, NULL), 0);
    printf("posted work arrived\n");
    // CHECK: posted work arrived
    yc_event_clear(&ev);
    rc = YC_AWAIT(yc_event_wait(&ev, -1)); // nothing can set it now
    printf("not reached\n");
    return 0;
}
// CHECK-NEXT: yieldc: deadlock: no micro-thread can run and nothing is pending; 1 task is blocked:
// CHECK-NEXT:   task 1 (main) waits in yc_event_wait on 0x{{[0-9a-f]+}}
// CHECK-NOT: not reached
