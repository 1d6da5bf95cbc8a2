// Green I/O failures come back as codes, never as a hang or a signal:
// deadlines (the call's and a scope's), a write cut short by its deadline,
// closing an fd under a waiting reader, EPIPE on a socket and on a pipe
// without SIGPIPE, a refused and a reset connection, cancellation, end of
// file, a blocking fd made non-blocking, yc_wait_fd, and a plain C call
// of yc_read that lets the other micro-threads run. (EMFILE: io-emfile.c.)
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t | FileCheck %s

#define _GNU_SOURCE
#include "Inputs/assert.h"
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static void pair(int sv[2]) {
    ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
}

static int port_of(int fd) {
    struct sockaddr_in a;
    socklen_t len = sizeof a;
    ASSERT_EQ(getsockname(fd, (struct sockaddr *)&a, &len), 0);
    return ntohs(a.sin_port);
}

YC_COROUTINE static int read_one(int fd) {
    char c;
    ssize_t r = YC_AWAIT(yc_read(fd, &c, 1, YC_NO_DEADLINE));
    return r == 1 ? c : (int)r;
}

YC_COROUTINE static int accept_one(int fd) {
    return YC_AWAIT(yc_accept(fd, NULL, NULL, YC_NO_DEADLINE));
}

YC_COROUTINE static void write_later(int fd, char c, int64_t after) {
    YC_AWAIT(yc_sleep_for(after));
    ssize_t w = YC_AWAIT(yc_write(fd, &c, 1, YC_NO_DEADLINE));
    ASSERT_EQ(w, 1);
}

static int ticks;
YC_COROUTINE static void ticker(void) {
    for (int i = 0; i < 3; i++) {
        YC_AWAIT(yc_sleep_for(YC_MSEC));
        ticks++;
    }
}

// Plain C: not a coroutine, yet its yc_read waits while others run.
static ssize_t plain_read(int fd, char *c) {
    return yc_read(fd, c, 1, yc_now() + 5 * YC_SEC);
}

YC_COROUTINE int main(void) {
    int sv[2];
    char c = 0;

    // The call's deadline, then a scope's.
    pair(sv);
    ssize_t r = YC_AWAIT(yc_read(sv[0], &c, 1, yc_now() + 10 * YC_MSEC));
    printf("deadline: %s\n", yc_err_name((int)r));
    // CHECK: deadline: YC_ETIMEDOUT
    ASSERT_EQ(yc_deadline_push(yc_now() + 10 * YC_MSEC), 0);
    r = YC_AWAIT(yc_read(sv[0], &c, 1, YC_NO_DEADLINE));
    int popped = yc_deadline_pop();
    printf("scope: %s, pop %s\n", yc_err_name((int)r), yc_err_name(popped));
    // CHECK: scope: YC_ETIMEDOUT, pop YC_ETIMEDOUT

    // A write nobody reads: cut short by its deadline after some bytes.
    static char big[4 << 20];
    r = YC_AWAIT(yc_write(sv[0], big, sizeof big, yc_now() + 10 * YC_MSEC));
    printf("short write: %s\n", r > 0 && r < (ssize_t)sizeof big ? "yes" : "no");
    // CHECK: short write: yes
    r = YC_AWAIT(yc_write(sv[0], big, sizeof big, 0));
    printf("full buffer, deadline passed: %s\n", yc_err_name((int)r));
    // CHECK: full buffer, deadline passed: YC_ETIMEDOUT

    // Closing an fd under a waiting reader.
    ASSERT_EQ(yc_close(sv[0]), 0);
    ASSERT_EQ(yc_close(sv[1]), 0);
    pair(sv);
    yc_task *t = YC_ASYNC(read_one(sv[1]));
    YC_AWAIT(yc_sleep_for(YC_MSEC));
    ASSERT_EQ(yc_close(sv[1]), 0);
    int res = 0;
    int jr = YC_AWAIT(yc_task_join(t, &res, sizeof res, YC_NO_DEADLINE));
    ASSERT_EQ(jr, 0);
    printf("closed under reader: %s\n", yc_err_name(res));
    // CHECK: closed under reader: YC_EBADF

    // The peer is gone: EPIPE, and the process lives on.
    r = YC_AWAIT(yc_write(sv[0], "x", 1, YC_NO_DEADLINE));
    printf("socket peer closed: %s\n", yc_err_name((int)r));
    // CHECK: socket peer closed: YC_EPIPE
    ASSERT_EQ(yc_close(sv[0]), 0);
    int pfd[2];
    ASSERT_EQ(pipe(pfd), 0); // blocking: made non-blocking by the call
    ASSERT_EQ(close(pfd[0]), 0);
    r = YC_AWAIT(yc_write(pfd[1], "x", 1, YC_NO_DEADLINE));
    sigset_t pending;
    sigpending(&pending);
    printf("pipe reader closed: %s, SIGPIPE pending: %d\n",
           yc_err_name((int)r), sigismember(&pending, SIGPIPE));
    // CHECK: pipe reader closed: YC_EPIPE, SIGPIPE pending: 0
    ASSERT_EQ(yc_close(pfd[1]), 0);

    // A blocking pipe does not block the scheduler; end of file reads 0.
    ASSERT_EQ(pipe(pfd), 0);
    r = YC_AWAIT(yc_read(pfd[0], &c, 1, yc_now() + 5 * YC_MSEC));
    printf("blocking pipe: %s, O_NONBLOCK %d\n", yc_err_name((int)r),
           (fcntl(pfd[0], F_GETFL) & O_NONBLOCK) != 0);
    // CHECK: blocking pipe: YC_ETIMEDOUT, O_NONBLOCK 1
    ASSERT_EQ(close(pfd[1]), 0);
    r = YC_AWAIT(yc_read(pfd[0], &c, 1, YC_NO_DEADLINE));
    printf("end of file: %zd\n", r);
    // CHECK: end of file: 0
    yc_fd_forget(pfd[0]); // handed back: blocking again, as it came
    printf("forgotten: O_NONBLOCK %d\n", (fcntl(pfd[0], F_GETFL) & O_NONBLOCK) != 0);
    // CHECK: forgotten: O_NONBLOCK 0
    ASSERT_EQ(close(pfd[0]), 0);

    // Refused, then reset.
    int lfd = yc_tcp_listen("127.0.0.1", 0, 8);
    ASSERT_GE(lfd, 0);
    int port = port_of(lfd);
    ASSERT_EQ(yc_close(lfd), 0);
    int cfd = YC_AWAIT(yc_tcp_connect("127.0.0.1", port, YC_NO_DEADLINE));
    printf("refused: %s\n", yc_err_name(cfd));
    // CHECK: refused: YC_ECONNREFUSED
    lfd = yc_tcp_listen("127.0.0.1", 0, 8);
    ASSERT_GE(lfd, 0);
    port = port_of(lfd);
    cfd = YC_AWAIT(yc_tcp_connect("127.0.0.1", port, YC_NO_DEADLINE));
    ASSERT_GE(cfd, 0);
    int afd = YC_AWAIT(yc_accept(lfd, NULL, NULL, YC_NO_DEADLINE));
    ASSERT_GE(afd, 0);
    struct linger lg = {1, 0}; // close with a reset
    ASSERT_EQ(setsockopt(afd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg), 0);
    ASSERT_EQ(yc_close(afd), 0);
    r = YC_AWAIT(yc_read(cfd, &c, 1, YC_NO_DEADLINE));
    printf("reset: %s\n", yc_err_name((int)r));
    // CHECK: reset: YC_ECONNRESET
    ASSERT_EQ(yc_close(cfd), 0);
    r = YC_AWAIT(yc_read(cfd, &c, 1, YC_NO_DEADLINE));
    printf("closed fd: %s\n", yc_err_name((int)r));
    // CHECK: closed fd: YC_EBADF

    // Cancelling a blocked accept.
    t = YC_ASYNC(accept_one(lfd));
    YC_AWAIT(yc_sleep_for(YC_MSEC));
    yc_task_cancel(t);
    jr = YC_AWAIT(yc_task_join(t, &res, sizeof res, YC_NO_DEADLINE));
    ASSERT_EQ(jr, 0);
    printf("cancelled accept: %s\n", yc_err_name(res));
    // CHECK: cancelled accept: YC_ECANCELED

    cfd = YC_AWAIT(yc_tcp_connect("127.0.0.1", port, YC_NO_DEADLINE));
    ASSERT_GE(cfd, 0);
    afd = YC_AWAIT(yc_accept(lfd, NULL, NULL, YC_NO_DEADLINE));
    ASSERT_GE(afd, 0);

    // yc_wait_fd: writable at once; readable once the peer writes.
    int ev = YC_AWAIT(yc_wait_fd(afd, YC_WRITABLE, YC_NO_DEADLINE));
    printf("writable: %d\n", ev);
    // CHECK: writable: 2
    YC_SPAWN(write_later(cfd, 'w', 5 * YC_MSEC));
    ev = YC_AWAIT(yc_wait_fd(afd, YC_READABLE, yc_now() + 5 * YC_SEC));
    printf("readable: %d\n", ev);
    // CHECK: readable: 1
    ev = YC_AWAIT(yc_wait_fd(afd, 0, YC_NO_DEADLINE));
    printf("no events: %s\n", yc_err_name(ev));
    // CHECK: no events: YC_EINVAL
    r = YC_AWAIT(yc_read(afd, &c, 1, YC_NO_DEADLINE));
    ASSERT_EQ(r, 1);
    ASSERT_EQ(c, 'w');

    // A plain C call waits while the other micro-threads run.
    YC_SPAWN(ticker());
    YC_SPAWN(write_later(cfd, 'p', 50 * YC_MSEC));
    r = plain_read(afd, &c);
    printf("plain call read %c, ticks while waiting %d\n", c, ticks);
    // CHECK: plain call read p, ticks while waiting 3
    ASSERT_EQ(r, 1);

    ASSERT_EQ(yc_close(afd), 0);
    ASSERT_EQ(yc_close(cfd), 0);
    ASSERT_EQ(yc_close(lfd), 0);
    printf("done\n");
    // CHECK: done
    return 0;
}
