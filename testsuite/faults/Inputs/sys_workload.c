/* sys_workload.c - a program that makes the runtime ask the system for
   resources: schedulers (an eventfd and an epoll instance each, on the
   main thread and on a thread of its own), fds prepared for green I/O
   (fcntl, fstat, epoll registration), stackful micro-threads (stacks
   mapped, guards, an alternate signal stack per thread) and offload
   workers (threads). Built with fail_sys.c wrapping those calls, so that
   the call chosen by YC_FAIL_SYS fails as the kernel fails it when a
   limit is reached. An I/O call or yc_offload must report the failure as
   an error code and the program go on; where the runtime cannot go on (a
   scheduler without a poller, a stack that cannot be mapped) it stops
   with a "yieldc: ..." message. Anything else - wrong data, a crash, a
   hang, a sanitizer report, a task or fd left behind - is a bug that
   sys_sweep.py reports. Prints "done: ..." at the end. */
#define _GNU_SOURCE /* stack_t, for fail_sys.c */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <yieldc.h>

#include "fail_sys.c"

static _Atomic int errors; /* calls that reported an injected failure */

/* A call's result: negative codes are counted (the failure injected
   surfaced there) and returned as 0. */
static int ok(long rc) {
    if (rc < 0) {
        errors++;
        return 0;
    }
    return 1;
}

static void check(int cond, const char *what) {
    if (!cond) {
        printf("WRONG %s\n", what);
        exit(5);
    }
}

YC_COROUTINE static long reader(int fd, char *buf) {
    return YC_AWAIT(yc_read(fd, buf, 16, YC_NO_DEADLINE));
}

/* The reader waits in the poller first; then the writer fills the pipe
   and closes its end (so that a reader goes on if the write failed). */
YC_COROUTINE static void pipes(void) {
    int p[2];
    if (pipe(p))
        return;
    char buf[16];
    yc_task *r = YC_ASYNC(reader(p[0], buf));
    YC_YIELD();
    ssize_t w = YC_AWAIT(yc_write(p[1], "hello", 5, YC_NO_DEADLINE));
    yc_close(p[1]);
    long got = 0;
    YC_AWAIT(yc_task_join(r, &got, sizeof got, YC_NO_DEADLINE));
    yc_close(p[0]);
    if (ok(w))
        check(w == 5, "pipe write");
    if (ok(got))
        check(w == 5 ? got == 5 && !memcmp(buf, "hello", 5) : got == 0,
              "pipe data");
}

static void add_one(void *arg) { ++*(int *)arg; }

YC_COROUTINE static void offloads(void) {
    for (int i = 0; i < 2; i++) {
        int v = i;
        if (ok(YC_AWAIT(yc_offload(add_one, &v, YC_NO_DEADLINE))))
            check(v == i + 1, "offloaded job");
    }
}

static void *on_stack(void *arg) {
    yc_yield();
    return arg;
}

YC_COROUTINE static void stacks(void) {
    yc_task *g[3];
    for (long i = 0; i < 3; i++)
        g[i] = yc_go(on_stack, (void *)(i + 7), 65536);
    for (long i = 0; i < 3; i++) {
        void *v = NULL;
        YC_AWAIT(yc_task_join(g[i], &v, sizeof v, YC_NO_DEADLINE));
        check(v == (void *)(i + 7), "stackful result");
    }
}

YC_COROUTINE static void everything(void) {
    YC_AWAIT(pipes());
    YC_AWAIT(stacks());
    YC_AWAIT(offloads());
    struct yc_sched_stats st;
    yc_sched_stats(&st);
    check(st.fds == 0 && st.io_waits == 0, "thread's scheduler left clean");
}

/* A thread of the program's own, not counted among the calls: it gets a
   scheduler and signal stack of its own through a plain call. */
static void *thread_main(void *arg) {
    (void)arg;
    everything();
    return NULL;
}

YC_COROUTINE int main(void) {
    YC_AWAIT(everything());
    pthread_t t;
    if (__real_pthread_create(&t, NULL, thread_main, NULL) == 0)
        pthread_join(t, NULL);
    struct yc_sched_stats st;
    yc_sched_stats(&st);
    printf("done: tasks %u fds %u io_waits %u (%d errors reported)\n",
           st.tasks, st.fds, st.io_waits, (int)errors);
    return 0;
}
