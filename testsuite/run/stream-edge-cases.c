// Streams at the edges of their contract (docs/runtime/io.md, yieldc.h):
// a pipe too large to allocate fails with YC_ENOMEM and no ends; a read of
// 0 bytes returns 0 at once; a deadline that has passed makes a read or a
// write a try (YC_ETIMEDOUT, or the bytes that fitted); a write cut short
// after some bytes went out - by the reader closing, a cancellation, or its
// deadline scope expiring while it was woken for room - returns their
// count, and with nothing written the reason; the callback form honours
// the stream's timeout (-1, ETIMEDOUT); fclose of a stdio FILE whose fd
// cannot be closed returns EOF with errno set.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#define _GNU_SOURCE /* fopencookie behind yc_stream_fopen */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <yieldc.h>

YC_COROUTINE static ssize_t write_all(yc_stream *s, const char *text) {
    return YC_AWAIT(yc_stream_write(s, text, strlen(text), YC_NO_DEADLINE));
}

/* Writes text with a deadline scope that ends at `until`; *popped gets
   what yc_deadline_pop says. */
YC_COROUTINE static ssize_t write_scoped(yc_stream *s, const char *text,
                                         int64_t until, int *popped) {
    yc_deadline_push(until);
    ssize_t r = YC_AWAIT(write_all(s, text));
    *popped = yc_deadline_pop();
    return r;
}

/* The monotonic clock of yc_now, read afresh (yc_now stands still while
   a round does not suspend). */
static int64_t clock_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * YC_SEC + ts.tv_nsec;
}

YC_COROUTINE int main(void) {
    yc_stream *p[2] = {NULL, NULL};
    char buf[16] = "";
    ssize_t r;

    int rc = yc_stream_pipe(p, SIZE_MAX);
    printf("pipe of SIZE_MAX bytes: %s, ends %s\n", yc_err_name(rc),
           p[0] == NULL && p[1] == NULL ? "NULL" : "set");
    // CHECK: pipe of SIZE_MAX bytes: YC_ENOMEM, ends NULL

    /* An empty pipe of 4 bytes each way. */
    yc_stream_pipe(p, 4);
    r = YC_AWAIT(yc_stream_read(p[0], buf, 0, YC_NO_DEADLINE));
    printf("read of 0 bytes: %zd\n", r);
    // CHECK: read of 0 bytes: 0
    r = YC_AWAIT(yc_stream_read(p[0], buf, sizeof buf, 0));
    printf("read with a past deadline: %s\n", yc_err_name((int)r));
    // CHECK: read with a past deadline: YC_ETIMEDOUT
    r = YC_AWAIT(yc_stream_write(p[1], "abcdef", 6, 0));
    printf("write of 6 with a past deadline: %zd\n", r);
    // CHECK: write of 6 with a past deadline: 4
    r = YC_AWAIT(yc_stream_write(p[1], "g", 1, 0));
    printf("write to a full pipe with a past deadline: %s\n",
           yc_err_name((int)r));
    // CHECK: write to a full pipe with a past deadline: YC_ETIMEDOUT

    /* The callback form waits as long as the stream's timeout. */
    yc_stream_set_timeout(p[1], YC_MSEC);
    errno = 0;
    r = yc_stream_write_cb(p[1], "g", 1);
    printf("callback write to a full pipe: %zd %s\n", r,
           errno == ETIMEDOUT ? "ETIMEDOUT" : strerror(errno));
    // CHECK: callback write to a full pipe: -1 ETIMEDOUT
    r = YC_AWAIT(yc_stream_read(p[0], buf, sizeof buf, YC_NO_DEADLINE));
    printf("read: %zd '%.4s'\n", r, buf);
    // CHECK: read: 4 'abcd'
    r = yc_stream_write_cb(p[1], "xy", 2);
    printf("callback write with room: %zd\n", r);
    // CHECK: callback write with room: 2
    yc_stream_close(p[0]);
    yc_stream_close(p[1]);

    /* The reader closes while a write waits for room. */
    yc_stream_pipe(p, 4);
    yc_task *t = YC_ASYNC(write_all(p[1], "0123456789"));
    YC_YIELD(); /* 4 bytes fit, then it waits */
    yc_stream_close(p[0]);
    YC_AWAIT(yc_task_join(t, &r, sizeof r, YC_NO_DEADLINE));
    printf("reader closed under a write: %zd\n", r);
    // CHECK: reader closed under a write: 4
    r = YC_AWAIT(write_all(p[1], "z"));
    printf("next write: %s\n", yc_err_name((int)r));
    // CHECK: next write: YC_EPIPE
    yc_stream_close(p[1]);

    /* Writes cancelled while they wait for room. */
    yc_stream_pipe(p, 4);
    t = YC_ASYNC(write_all(p[1], "0123456789"));
    YC_YIELD(); /* 4 bytes fit, then it waits */
    yc_task *u = YC_ASYNC(write_all(p[1], "more"));
    YC_YIELD(); /* nothing fits: it waits */
    yc_task_cancel(t);
    yc_task_cancel(u);
    ssize_t ru = 0;
    YC_AWAIT(yc_task_join(t, &r, sizeof r, YC_NO_DEADLINE));
    YC_AWAIT(yc_task_join(u, &ru, sizeof ru, YC_NO_DEADLINE));
    printf("cancelled after 4 bytes: %zd; cancelled before any: %s\n", r,
           yc_err_name((int)ru));
    // CHECK: cancelled after 4 bytes: 4; cancelled before any: YC_ECANCELED
    yc_stream_close(p[0]);
    yc_stream_close(p[1]);

    /* A write woken for room after its deadline scope expired: it takes
       the room, then fails to wait again, and reports what went out. */
    yc_stream_pipe(p, 4);
    int popped = 0;
    int64_t until = yc_now() + 20 * YC_MSEC;
    t = YC_ASYNC(write_scoped(p[1], "01234567", until, &popped));
    YC_YIELD(); /* 4 bytes fit, then it waits */
    r = YC_AWAIT(yc_stream_read(p[0], buf, 1, YC_NO_DEADLINE)); /* wakes it */
    while (clock_now() <= until)
        ; /* the scope expires before the writer runs again */
    YC_AWAIT(yc_task_join(t, &r, sizeof r, YC_NO_DEADLINE));
    printf("scope expired under a write: cut short after some bytes: %s, "
           "pop: %s\n",
           r > 0 && r < 8 ? "yes" : "no", yc_err_name(popped));
    // CHECK: scope expired under a write: cut short after some bytes: yes, pop: YC_ETIMEDOUT
    yc_stream_close(p[0]);
    yc_stream_close(p[1]);

    /* A FILE over an fd stream whose fd is gone. */
    int fds[2];
    if (pipe(fds))
        return 1;
    close(fds[1]);
    yc_stream *s = NULL;
    yc_stream_fd(&s, fds[1]);
    FILE *f = yc_stream_fopen(s, "w");
    errno = 0;
    rc = fclose(f);
    printf("fclose over a closed fd: %s, %s\n", rc == EOF ? "EOF" : "0",
           errno == EBADF ? "EBADF" : strerror(errno));
    // CHECK: fclose over a closed fd: EOF, EBADF
    close(fds[0]);
    return 0;
}
