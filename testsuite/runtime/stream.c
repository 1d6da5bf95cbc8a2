// Streams: 1 MB through an in-memory pipe with a 4 KiB buffer (the writer
// waits for room, every byte checked), end of stream and YC_EPIPE once an
// end is closed, YC_EBADF for a reader whose own end is closed, an fd
// stream over a socket pair, the callback form's timeout, and a stdio
// FILE over a pipe used by plain C code on a stackful micro-thread.
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t | FileCheck %s

#define _GNU_SOURCE
#include "Inputs/assert.h"
#include <errno.h>
#include <string.h>

enum { TOTAL = 1 << 20 };

YC_COROUTINE static void produce(yc_stream *s) {
    static unsigned char chunk[3000];
    long sent = 0;
    while (sent < TOTAL) {
        size_t n = TOTAL - sent < (long)sizeof chunk ? (size_t)(TOTAL - sent)
                                                     : sizeof chunk;
        for (size_t i = 0; i < n; i++)
            chunk[i] = (unsigned char)((sent + (long)i) * 13 >> 3);
        ssize_t w = YC_AWAIT(yc_stream_write(s, chunk, n, YC_NO_DEADLINE));
        ASSERT_EQ(w, (ssize_t)n);
        sent += (long)n;
    }
    ASSERT_EQ(yc_stream_close(s), 0);
}

YC_COROUTINE static ssize_t read_some(yc_stream *s) {
    char c;
    return YC_AWAIT(yc_stream_read(s, &c, 1, YC_NO_DEADLINE));
}

// Plain C, unaware of coroutines: stdio over a stream.
static void *chat(void *arg) {
    FILE *f = yc_stream_fopen(arg, "r+");
    ASSERT_NOT_NULL(f);
    char line[64];
    for (int i = 1; i <= 3; i++) {
        fprintf(f, "question %d\n", i);
        fflush(f);
        ASSERT_NOT_NULL(fgets(line, sizeof line, f));
        printf("plain C got: %s", line);
    }
    fclose(f);
    return NULL;
}

YC_COROUTINE int main(void) {
    yc_stream *p[2];
    ASSERT_EQ(yc_stream_pipe(p, 4096), 0);
    ASSERT_EQ(yc_stream_fileno(p[0]), -1);
    YC_SPAWN(produce(p[1]));
    static unsigned char buf[5000];
    long got = 0;
    for (;;) {
        ssize_t n = YC_AWAIT(yc_stream_read(p[0], buf, sizeof buf, YC_NO_DEADLINE));
        ASSERT_GE(n, 0);
        if (n == 0)
            break;
        ASSERT_LE(n, 4096);
        for (ssize_t i = 0; i < n; i++)
            ASSERT_EQ(buf[i], (unsigned char)((got + i) * 13 >> 3));
        got += n;
    }
    printf("pipe: %ld bytes, then end of stream\n", got);
    // CHECK: pipe: 1048576 bytes, then end of stream
    ssize_t w = YC_AWAIT(yc_stream_write(p[0], "x", 1, YC_NO_DEADLINE));
    printf("write to a closed peer: %s\n", yc_err_name((int)w));
    // CHECK: write to a closed peer: YC_EPIPE
    ASSERT_EQ(yc_stream_close(p[0]), 0);

    ASSERT_EQ(yc_stream_pipe(p, 0), 0);
    yc_task *t = YC_ASYNC(read_some(p[0]));
    YC_AWAIT(yc_sleep_for(YC_MSEC));
    ASSERT_EQ(yc_stream_close(p[0]), 0);
    ssize_t r = 0;
    int jr = YC_AWAIT(yc_task_join(t, &r, sizeof r, YC_NO_DEADLINE));
    ASSERT_EQ(jr, 0);
    printf("own end closed under a reader: %s\n", yc_err_name((int)r));
    // CHECK: own end closed under a reader: YC_EBADF

    // The callback form: -1 and errno, with the stream's timeout.
    yc_stream_set_timeout(p[1], 2 * YC_MSEC);
    char c;
    r = yc_stream_read_cb(p[1], &c, 1);
    printf("callback read from a closed peer: %zd\n", r);
    // CHECK: callback read from a closed peer: 0
    ASSERT_EQ(yc_stream_close(p[1]), 0);
    ASSERT_EQ(yc_stream_pipe(p, 0), 0);
    yc_stream_set_timeout(p[0], 2 * YC_MSEC);
    errno = 0;
    r = yc_stream_read_cb(p[0], &c, 1);
    printf("callback read timeout: %zd %s\n", r, errno == ETIMEDOUT ? "ETIMEDOUT" : "?");
    // CHECK: callback read timeout: -1 ETIMEDOUT

    // stdio on a stackful micro-thread, answered by this coroutine.
    yc_stream_set_timeout(p[0], -1);
    yc_task *g = yc_go(chat, p[0], 0);
    for (int i = 1; i <= 3; i++) {
        char line[64];
        size_t len = 0;
        while (len == 0 || line[len - 1] != '\n') {
            ssize_t n = YC_AWAIT(yc_stream_read(p[1], line + len, sizeof line - 1 - len,
                                                YC_NO_DEADLINE));
            ASSERT_GT(n, 0);
            len += (size_t)n;
        }
        line[len] = 0;
        char answer[80];
        int k = snprintf(answer, sizeof answer, "answer to %s", line);
        ssize_t aw = YC_AWAIT(yc_stream_write(p[1], answer, (size_t)k, YC_NO_DEADLINE));
        ASSERT_EQ(aw, k);
    }
    // CHECK: plain C got: answer to question 1
    // CHECK: plain C got: answer to question 2
    // CHECK: plain C got: answer to question 3
    jr = YC_AWAIT(yc_task_join(g, NULL, sizeof(void *), YC_NO_DEADLINE));
    ASSERT_EQ(jr, 0);
    r = YC_AWAIT(yc_stream_read(p[1], &c, 1, YC_NO_DEADLINE));
    printf("after fclose: %zd\n", r);
    // CHECK: after fclose: 0
    ASSERT_EQ(yc_stream_close(p[1]), 0);

    // An fd stream over a socket pair.
    int sv[2];
    ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    yc_stream *a, *b;
    ASSERT_EQ(yc_stream_fd(&a, sv[0]), 0);
    ASSERT_EQ(yc_stream_fd(&b, sv[1]), 0);
    ASSERT_EQ(yc_stream_fileno(a), sv[0]);
    w = YC_AWAIT(yc_stream_write(a, "hello", 5, YC_NO_DEADLINE));
    ASSERT_EQ(w, 5);
    char hb[8] = {0};
    r = YC_AWAIT(yc_stream_read(b, hb, sizeof hb - 1, YC_NO_DEADLINE));
    printf("fd stream: %zd %s\n", r, hb);
    // CHECK: fd stream: 5 hello
    ASSERT_EQ(yc_stream_close(a), 0);
    r = YC_AWAIT(yc_stream_read(b, hb, 1, YC_NO_DEADLINE));
    printf("fd stream after close: %zd\n", r);
    // CHECK: fd stream after close: 0
    ASSERT_EQ(yc_stream_close(b), 0);
    return 0;
}
