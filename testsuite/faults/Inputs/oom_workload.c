/* oom_workload.c - a program that uses the runtime's allocating calls
   (channels bounded and unbounded, many timers, deadline scopes, futures,
   pipes through the poller, streams, stackful micro-threads, tasks), built
   with -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc so that the
   allocation numbered YC_FAIL_ALLOC (counting from 1) fails. A call that
   documents YC_ENOMEM must return it, and the program goes on without
   that step's object; where the runtime cannot go on (a coroutine frame, a
   scheduler) it stops with "yieldc: out of memory". Everything else -
   wrong data, another error, a crash, a sanitizer report - is a bug that
   oom_sweep.py reports. Prints "done" at the end (fail_alloc.c: how the
   allocation is chosen). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <yieldc.h>

#include "fail_alloc.c"

static int enomem; /* calls that reported YC_ENOMEM */

/* Checks a call's result: 0 goes on, YC_ENOMEM is counted, anything else
   is a bug. Returns whether it succeeded. */
static int ok(int rc, const char *what) {
    if (rc == YC_ENOMEM) {
        enomem++;
        return 0;
    }
    if (rc < 0) {
        printf("workload: %s failed with %s\n", what, yc_err_name(rc));
        exit(5);
    }
    return 1;
}

static void check(int cond, const char *what) {
    if (!cond) {
        printf("workload: wrong %s\n", what);
        exit(5);
    }
}

YC_COROUTINE static int producer(yc_chan *ch, int base) {
    for (int i = 0; i < 50; i++) {
        int v = base + i;
        int rc = YC_AWAIT(yc_chan_send(ch, &v, YC_NO_DEADLINE));
        if (!ok(rc, "yc_chan_send"))
            return rc;
    }
    return 0;
}

YC_COROUTINE static int consumer(yc_chan *ch, int n) {
    long sum = 0;
    for (int i = 0; i < n; i++) {
        int v;
        int rc = YC_AWAIT(yc_chan_recv(ch, &v, YC_NO_DEADLINE));
        if (rc == YC_EPIPE)
            break;
        ok(rc, "yc_chan_recv");
        sum += v;
    }
    return (int)sum;
}

/* Four producers and a consumer on a bounded channel. */
YC_COROUTINE static void channels(void) {
    yc_chan *ch;
    if (!ok(yc_chan_create(&ch, sizeof(int), 4), "yc_chan_create"))
        return;
    yc_task *p[4];
    for (int k = 0; k < 4; k++)
        p[k] = YC_ASYNC(producer(ch, k * 1000));
    yc_task *c = YC_ASYNC(consumer(ch, 200));
    int all = 1;
    for (int k = 0; k < 4; k++) {
        int rc = 0;
        YC_AWAIT(yc_task_join(p[k], &rc, sizeof rc, YC_NO_DEADLINE));
        all &= rc == 0;
    }
    yc_chan_close(ch);
    int sum = 0;
    YC_AWAIT(yc_task_join(c, &sum, sizeof sum, YC_NO_DEADLINE));
    if (all) /* 4 * (0 + ... + 49) + 1000 * 50 * (0 + 1 + 2 + 3) */
        check(sum == 4 * 1225 + 300000, "channel sum");
    check(yc_chan_free(ch) == 0, "yc_chan_free");
}

/* An unbounded channel grows until memory runs out or 20,000 messages. */
static void unbounded(void) {
    yc_chan *ch;
    if (!ok(yc_chan_create(&ch, sizeof(int), YC_CHAN_UNBOUNDED),
            "yc_chan_create"))
        return;
    int sent = 0;
    while (sent < 20000 && ok(yc_chan_try_send(ch, &sent), "yc_chan_try_send"))
        sent++;
    for (int i = 0; i < sent; i++) {
        int v = -1;
        check(yc_chan_try_recv(ch, &v) == 0 && v == i, "unbounded order");
    }
    check(yc_chan_free(ch) == 0, "yc_chan_free");
}

YC_COROUTINE static int sleeper(int i) {
    int rc = YC_AWAIT(yc_sleep_for((int64_t)(i % 7) * 10000));
    ok(rc, "yc_sleep_for");
    return rc;
}

/* 300 sleepers at once: the timer heap grows. */
YC_COROUTINE static void timers(void) {
    yc_task *t[300];
    for (int i = 0; i < 300; i++)
        t[i] = YC_ASYNC(sleeper(i));
    for (int i = 0; i < 300; i++)
        YC_AWAIT(yc_task_join(t[i], NULL, 0, YC_NO_DEADLINE));
}

YC_COROUTINE static void scopes_and_futures(void) {
    if (ok(yc_deadline_push(yc_now() + YC_SEC), "yc_deadline_push")) {
        ok(YC_AWAIT(yc_sleep_for(1000)), "yc_sleep_for in a scope");
        check(yc_deadline_pop() == 0, "yc_deadline_pop");
    }
    yc_future *f;
    if (ok(yc_future_create(&f), "yc_future_create")) {
        yc_future_resolve(f, 0, (void *)42);
        void *v = NULL;
        int rc = YC_AWAIT(yc_future_await(f, &v, YC_NO_DEADLINE));
        check(rc == 0 && v == (void *)42, "future value");
        yc_future_unref(f);
    }
}

YC_COROUTINE static int pipe_writer(int fd) {
    static char block[4096];
    memset(block, 'x', sizeof block);
    for (int i = 0; i < 16; i++) {
        ssize_t w = YC_AWAIT(yc_write(fd, block, sizeof block, YC_NO_DEADLINE));
        if (w == YC_EPIPE) /* the reader gave up (out of memory itself) */
            return 0;
        if (!ok(w < 0 ? (int)w : 0, "yc_write"))
            return (int)w;
    }
    return 0;
}

/* 64 KiB through a pipe, the reader and the writer waiting in the
   poller. */
YC_COROUTINE static void pipes(void) {
    int p[2];
    if (pipe(p))
        return;
    yc_task *w = YC_ASYNC(pipe_writer(p[1]));
    size_t got = 0;
    char buf[8192];
    while (got < 16 * 4096) {
        ssize_t r = YC_AWAIT(yc_read(p[0], buf, sizeof buf, YC_NO_DEADLINE));
        if (!ok(r < 0 ? (int)r : 0, "yc_read"))
            break;
        check(r > 0 && buf[0] == 'x', "pipe data");
        got += (size_t)r;
    }
    yc_close(p[0]); /* a writer still waiting ends with YC_EPIPE */
    int rc = 0;
    YC_AWAIT(yc_task_join(w, &rc, sizeof rc, YC_NO_DEADLINE));
    yc_close(p[1]);
}

YC_COROUTINE static void streams(void) {
    yc_stream *e[2];
    if (!ok(yc_stream_pipe(e, 1024), "yc_stream_pipe"))
        return;
    ssize_t w = YC_AWAIT(yc_stream_write(e[0], "hello", 5, YC_NO_DEADLINE));
    check(w == 5, "stream write");
    char b[8];
    ssize_t r = YC_AWAIT(yc_stream_read(e[1], b, sizeof b, YC_NO_DEADLINE));
    check(r == 5 && !memcmp(b, "hello", 5), "stream data");
    yc_stream_close(e[0]);
    yc_stream_close(e[1]);
}

static void *on_stack(void *arg) {
    yc_yield();
    return arg;
}

YC_COROUTINE int main(void) {
    YC_AWAIT(channels());
    unbounded();
    YC_AWAIT(timers());
    YC_AWAIT(scopes_and_futures());
    YC_AWAIT(pipes());
    YC_AWAIT(streams());
    yc_task *g = yc_go(on_stack, (void *)7, 65536);
    void *v = NULL;
    YC_AWAIT(yc_task_join(g, &v, sizeof v, YC_NO_DEADLINE));
    check(v == (void *)7, "stackful result");
    printf("done (%d calls reported YC_ENOMEM)\n", enomem);
    return 0;
}
