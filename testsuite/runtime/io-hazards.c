// Hazards of waiting on fds, each once a bug:
// - datagrams: a read that returns one datagram of two queued has not
//   emptied the socket, so the next read must not wait for a new report;
// - a reader woken as ready whose fd is closed, and its number reused,
//   before it runs gets YC_EBADF instead of reading the new file;
// - a stream closed under its blocked reader (an fd stream, and a pipe
//   whose both ends close) ends the read with YC_EBADF, touching nothing
//   freed (run under AddressSanitizer by the sanitizer build);
// - yc_readv rejects a negative count;
// - two offloaded jobs that depend on each other run on two workers.
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t | FileCheck %s

#include "Inputs/assert.h"
#include <unistd.h>

static int a, b;

YC_COROUTINE static void reader(void) {
    char buf[16] = {0};
    ssize_t r = YC_AWAIT(yc_read(a, buf, sizeof buf - 1, YC_NO_DEADLINE));
    printf("woken reader of a closed fd: %s\n", yc_err_name((int)r));
}

YC_COROUTINE static void closer(void) {
    ASSERT_EQ(write(b, "old", 3), 3);
    YC_YIELD(); // the next round's poll wakes the reader, queued after us
    ASSERT_EQ(yc_close(a), 0);
    int sv[2];
    ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    ASSERT_EQ(sv[0], a); // the number is reused
    ASSERT_EQ(write(sv[1], "NEW", 3), 3);
    a = sv[0];
    b = sv[1];
}

static yc_stream *st;

YC_COROUTINE static void stream_reader(void) {
    char buf[16];
    ssize_t r = YC_AWAIT(yc_stream_read(st, buf, sizeof buf, YC_NO_DEADLINE));
    printf("stream closed under its reader: %s\n", yc_err_name((int)r));
}

static int p[2];
static void job_read(void *arg) {
    char c;
    *(ssize_t *)arg = read(p[0], &c, 1);
}
static void job_write(void *arg) { *(ssize_t *)arg = write(p[1], "x", 1); }
static void nop(void *arg) { (void)arg; }

YC_COROUTINE static int offload(void (*fn)(void *), ssize_t *res) {
    return YC_AWAIT(yc_offload(fn, res, yc_now() + 10 * YC_SEC));
}

YC_COROUTINE int main(void) {
    // Datagrams.
    int d[2];
    ASSERT_EQ(socketpair(AF_UNIX, SOCK_DGRAM, 0, d), 0);
    char buf[64];
    ssize_t r = YC_AWAIT(yc_read(d[0], buf, sizeof buf, yc_now() + 5 * YC_MSEC));
    ASSERT_EQ(r, YC_ETIMEDOUT); // waited once: the fd is registered
    ASSERT_EQ(write(d[1], "a", 1), 1);
    ASSERT_EQ(write(d[1], "b", 1), 1);
    YC_AWAIT(yc_sleep_for(2 * YC_MSEC)); // a round polls the fd's report
    ssize_t r1 = YC_AWAIT(yc_read(d[0], buf, sizeof buf, yc_now() + 5 * YC_SEC));
    ssize_t r2 = YC_AWAIT(yc_read(d[0], buf + 1, sizeof buf - 1, yc_now() + 5 * YC_SEC));
    printf("two datagrams: %zd %zd '%c%c'\n", r1, r2, buf[0], buf[1]);
    // CHECK: two datagrams: 1 1 'ab'
    ASSERT_EQ(yc_close(d[0]), 0);
    ASSERT_EQ(close(d[1]), 0);

    // Closed and reused between the wake-up and the run.
    int sv[2];
    ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    a = sv[0];
    b = sv[1];
    // Each task runs (the reader to its wait) in the round after it is
    // started, before main's sleep can end; then main waits for both,
    // however long a round takes (under Valgrind, a stack's set-up).
    yc_task *rt = YC_ASYNC(reader());
    YC_AWAIT(yc_sleep_for(2 * YC_MSEC));
    yc_task *ct = YC_ASYNC(closer());
    YC_AWAIT(yc_task_join(ct, NULL, 0, YC_NO_DEADLINE));
    YC_AWAIT(yc_task_join(rt, NULL, 0, YC_NO_DEADLINE));
    // CHECK: woken reader of a closed fd: YC_EBADF
    ASSERT_EQ(yc_close(a), 0);
    ASSERT_EQ(close(b), 0);

    // Streams closed under their readers.
    ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    ASSERT_EQ(yc_stream_fd(&st, sv[0]), 0);
    rt = YC_ASYNC(stream_reader());
    YC_AWAIT(yc_sleep_for(2 * YC_MSEC));
    ASSERT_EQ(yc_stream_close(st), 0);
    YC_AWAIT(yc_task_join(rt, NULL, 0, YC_NO_DEADLINE));
    // CHECK: stream closed under its reader: YC_EBADF
    ASSERT_EQ(close(sv[1]), 0);
    yc_stream *e[2];
    ASSERT_EQ(yc_stream_pipe(e, 0), 0);
    st = e[0];
    rt = YC_ASYNC(stream_reader());
    YC_AWAIT(yc_sleep_for(2 * YC_MSEC));
    ASSERT_EQ(yc_stream_close(e[0]), 0);
    ASSERT_EQ(yc_stream_close(e[1]), 0); // the pair goes once the reader ran
    YC_AWAIT(yc_task_join(rt, NULL, 0, YC_NO_DEADLINE));
    // CHECK: stream closed under its reader: YC_EBADF

    // readv's count.
    struct iovec iov = {buf, sizeof buf};
    r = YC_AWAIT(yc_readv(0, &iov, -1, YC_NO_DEADLINE));
    printf("readv of -1 buffers: %s\n", yc_err_name((int)r));
    // CHECK: readv of -1 buffers: YC_EINVAL

    // Dependent jobs: one worker is idle, the second must be started.
    ASSERT_EQ(pipe(p), 0);
    int warm = YC_AWAIT(yc_offload(nop, NULL, YC_NO_DEADLINE));
    ASSERT_EQ(warm, 0);
    ssize_t rr = 0, wr = 0;
    yc_task *t1 = YC_ASYNC(offload(job_read, &rr));
    yc_task *t2 = YC_ASYNC(offload(job_write, &wr));
    int c1 = -1, c2 = -1;
    int j1 = YC_AWAIT(yc_task_join(t1, &c1, sizeof c1, YC_NO_DEADLINE));
    int j2 = YC_AWAIT(yc_task_join(t2, &c2, sizeof c2, YC_NO_DEADLINE));
    printf("dependent jobs: %d %d, read %zd, wrote %zd\n", c1, c2, rr, wr);
    // CHECK: dependent jobs: 0 0, read 1, wrote 1
    ASSERT_EQ(j1, 0);
    ASSERT_EQ(j2, 0);
    ASSERT_EQ(close(p[0]), 0);
    ASSERT_EQ(close(p[1]), 0);
    return 0;
}
