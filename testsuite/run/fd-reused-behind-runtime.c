// An fd closed with plain close() instead of yc_close, its number then
// reused by a new pipe, blocking or not: the runtime finds out at the next
// call on that number instead of trusting what it knew. The call waiting on
// the old file ends with YC_EBADF, a read of the new, empty pipe waits
// without stopping the scheduler (a ticker keeps running), and works once
// data comes. The same when a socket's number goes to a pipe (its first
// call fails with ENOTSOCK, and the runtime starts over). With a socket pair, calls never block the scheduler either (they
// pass MSG_DONTWAIT), but nothing tells the runtime of the new socket: the
// old waiter and the new read wait on the old file's registration until
// their deadlines (docs/runtime/io.md), and a later yc_close starts over.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#define _GNU_SOURCE /* pipe2 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>
#include <yieldc.h>

static int ticks;

YC_COROUTINE static void ticker(void) {
    for (int i = 0; i < 5; i++) {
        YC_AWAIT(yc_sleep_for(2 * YC_MSEC));
        ticks++;
    }
}

YC_COROUTINE static ssize_t reader(int fd, const char *who, int64_t wait) {
    char c = 0;
    ssize_t n = YC_AWAIT(yc_read(fd, &c, 1, yc_now() + wait));
    if (n == 1)
        printf("%s read '%c'\n", who, c);
    else
        printf("%s: %s\n", who, yc_err_name((int)n));
    return n;
}

/* Makes a[0..1]: a pipe ('p'), a non-blocking pipe ('n') or a blocking
   socket pair ('s'). */
static int make(char kind, int a[2]) {
    if (kind == 's')
        return socketpair(AF_UNIX, SOCK_STREAM, 0, a);
    return kind == 'n' ? pipe2(a, O_NONBLOCK) : pipe(a);
}

YC_COROUTINE int main(void) {
    /* The old file, its replacement, and what is checked. */
    static const struct {
        char from, to;
        const char *name;
    } rounds[] = {
        {'p', 'p', "pipe by blocking pipe"},
        {'p', 'n', "pipe by non-blocking pipe"},
        {'s', 'p', "socket by pipe"},
        {'s', 's', "socket by socket"},
    };
    for (int i = 0; i < 4; i++) {
        const char *kind = rounds[i].name;
        int undetected = rounds[i].from == 's' && rounds[i].to == 's';
        int a[2], b[2];
        if (make(rounds[i].from, a))
            return 1;
        int64_t wait = undetected ? YC_SEC : 20 * YC_SEC;
        yc_task *old = YC_ASYNC(reader(a[0], "old waiter", wait));
        YC_YIELD(); /* it waits on a[0] */
        if (make(rounds[i].to, b))
            return 1;
        close(a[0]); /* not yc_close: the runtime is not told */
        dup2(b[0], a[0]);
        close(b[0]);
        b[0] = a[0]; /* the new file has the old number */
        ticks = 0;
        yc_task *tk = YC_ASYNC(ticker());
        yc_task *now = YC_ASYNC(reader(b[0], kind, wait));
        /* A read stuck in the kernel would stop the ticker too. */
        YC_AWAIT(yc_task_join(tk, NULL, 0, YC_NO_DEADLINE));
        printf("%s: ticker ran while the read waited: %s\n", kind,
               ticks == 5 && !yc_task_done(now) ? "yes" : "no");
        if (write(b[1], "x", 1) != 1)
            return 1;
        ssize_t r = 0;
        YC_AWAIT(yc_task_join(now, &r, sizeof r, YC_NO_DEADLINE));
        YC_AWAIT(yc_task_join(old, &r, sizeof r, YC_NO_DEADLINE));
        yc_close(b[0]);
        if (undetected) {
            /* yc_close told the runtime: the number starts afresh. */
            int c[2];
            if (socketpair(AF_UNIX, SOCK_STREAM, 0, c) ||
                write(c[1], "y", 1) != 1)
                return 1;
            YC_AWAIT(reader(c[0], "after yc_close: socket", wait));
            yc_close(c[0]);
            close(c[1]);
        }
        close(b[1]);
        close(a[1]);
    }
    return 0;
}
// CHECK: old waiter: YC_EBADF
// CHECK: pipe by blocking pipe: ticker ran while the read waited: yes
// CHECK: pipe by blocking pipe read 'x'
// CHECK: old waiter: YC_EBADF
// CHECK: pipe by non-blocking pipe: ticker ran while the read waited: yes
// CHECK: pipe by non-blocking pipe read 'x'
// CHECK: old waiter: YC_EBADF
// CHECK: socket by pipe: ticker ran while the read waited: yes
// CHECK: socket by pipe read 'x'
// CHECK: socket by socket: ticker ran while the read waited: yes
// CHECK-DAG: old waiter: YC_ETIMEDOUT
// CHECK-DAG: socket by socket: YC_ETIMEDOUT
// CHECK: after yc_close: socket read 'y'
