// A foreign event loop drives micro-threads that do socket I/O: their
// fds are in the poller behind yc_sched_fd(), so data written by another
// thread makes that fd readable and yc_sched_run_ready() resumes the
// reader. (Not with the poll backend, whose fd reports wake-ups only.)
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t | FileCheck %s

#define _POSIX_C_SOURCE 200809L
#include "Inputs/assert.h"
#include <poll.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>

static int sv[2];
static int done;

static void *writer(void *arg) {
    (void)arg;
    struct timespec ts = {0, 5000000}; // after the loop has gone to sleep
    nanosleep(&ts, NULL);
    ASSERT_EQ(write(sv[1], "ping", 4), 4);
    char buf[5] = {0};
    ASSERT_EQ(read(sv[1], buf, 4), 4); // blocking: the plain side
    printf("thread got %s\n", buf);
    return NULL;
}

YC_COROUTINE static void responder(void) {
    char buf[5] = {0};
    ssize_t n = YC_AWAIT(yc_read(sv[0], buf, 4, YC_NO_DEADLINE));
    ASSERT_EQ(n, 4);
    printf("task got %s\n", buf);
    ssize_t w = YC_AWAIT(yc_write(sv[0], "pong", 4, YC_NO_DEADLINE));
    ASSERT_EQ(w, 4);
    done = 1;
}

int main(void) {
    ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    YC_SPAWN(responder());
    pthread_t th;
    ASSERT_EQ(pthread_create(&th, NULL, writer, NULL), 0);
    int fd = yc_sched_fd();
    int sleeps = 0;
    while (!done) {
        int64_t wait = yc_sched_run_ready();
        if (done)
            break;
        ASSERT_EQ(wait, -1); // no timer: only the fd can bring work
        struct pollfd p = {fd, POLLIN, 0};
        ASSERT_EQ(poll(&p, 1, 10000), 1); // readable well before 10 s
        sleeps++;
    }
    ASSERT_EQ(pthread_join(th, NULL), 0);
    printf("loop slept %s\n", sleeps >= 1 ? "until the fd was readable" : "never");
    ASSERT_EQ(yc_close(sv[0]), 0);
    ASSERT_EQ(close(sv[1]), 0);
    // CHECK: task got ping
    // CHECK: thread got pong
    // CHECK: loop slept until the fd was readable
    return 0;
}
