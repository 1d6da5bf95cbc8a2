// What the runtime checks of a non-socket fd before each call
// (docs/runtime/io.md, "An fd closed behind the runtime's back"): a pipe
// closed with plain close() and not reused makes the next call fail with
// YC_EBADF instead of touching a stale entry; a pipe whose O_NONBLOCK flag
// other code cleared is made non-blocking again, so the read waits in the
// poller (the caller keeps running) instead of blocking the thread.
// yc_fd_forget makes an fd the runtime switched blocking again, and a
// second yc_close of the same number fails with YC_EBADF.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <yieldc.h>

static int nonblocking(int fd) {
    return (fcntl(fd, F_GETFL) & O_NONBLOCK) != 0;
}

YC_COROUTINE static ssize_t read1(int fd, char *c) {
    return YC_AWAIT(yc_read(fd, c, 1, YC_NO_DEADLINE));
}

YC_COROUTINE int main(void) {
    char c = 0;
    int p[2];
    if (pipe(p))
        return 1;

    /* Known to the runtime, then closed behind its back. */
    if (write(p[1], "a", 1) != 1)
        return 1;
    ssize_t r = YC_AWAIT(read1(p[0], &c));
    printf("first read: %zd '%c'\n", r, c);
    // CHECK: first read: 1 'a'
    close(p[0]);
    r = YC_AWAIT(read1(p[0], &c));
    printf("read after plain close: %s\n", yc_err_name((int)r));
    // CHECK: read after plain close: YC_EBADF
    yc_fd_forget(p[0]);
    close(p[1]);

    /* The same pipe, its flag cleared by other code. */
    if (pipe(p))
        return 1;
    if (write(p[1], "b", 1) != 1)
        return 1;
    r = YC_AWAIT(read1(p[0], &c));
    printf("made non-blocking by the first read: %d\n", nonblocking(p[0]));
    // CHECK: made non-blocking by the first read: 1
    fcntl(p[0], F_SETFL, fcntl(p[0], F_GETFL) & ~O_NONBLOCK);
    yc_task *t = YC_ASYNC(read1(p[0], &c));
    YC_YIELD(); /* it finds the pipe empty */
    printf("reader waits: %s, non-blocking again: %d\n",
           yc_task_done(t) ? "no" : "yes", nonblocking(p[0]));
    // CHECK: reader waits: yes, non-blocking again: 1
    if (write(p[1], "c", 1) != 1)
        return 1;
    YC_AWAIT(yc_task_join(t, &r, sizeof r, YC_NO_DEADLINE));
    printf("then read: %zd '%c'\n", r, c);
    // CHECK: then read: 1 'c'

    /* Handed back: blocking again, as it was made. */
    yc_fd_forget(p[0]);
    printf("after yc_fd_forget: non-blocking %d\n", nonblocking(p[0]));
    // CHECK: after yc_fd_forget: non-blocking 0
    int fd = p[0];
    int first = yc_close(fd);
    int second = yc_close(fd);
    printf("yc_close twice: %s, %s\n", yc_err_name(first), yc_err_name(second));
    // CHECK: yc_close twice: 0, YC_EBADF
    close(p[1]);
    return 0;
}
