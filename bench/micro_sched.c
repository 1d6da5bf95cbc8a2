/* micro_sched.c - the yieldc side of the micro-benchmark rows that need
   more than one micro-thread (rows 3, 4, 7 and 8 of issue 8): a yield and
   an await that suspends when another task is ready, spawning and joining
   many tasks, a channel ping-pong and a mutex hand-off, and waking a
   million sleepers. Translated by yieldc and linked into bench_micro,
   whose harness (micro_bench.c) times and counts them. Each *_run(iters)
   does iters operations, as micro_base.h describes. */
#define _POSIX_C_SOURCE 200809L
#include "micro_base.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <yieldc.h>

static int64_t clock_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void check(int rc, const char *what) {
    if (rc) {
        fprintf(stderr, "bench_micro: %s: %s\n", what, yc_strerror(rc));
        exit(1);
    }
}

/* ------------------------------------------------------------------ */
/* Row 3: two tasks taking turns                                       */
/* ------------------------------------------------------------------ */

YC_COROUTINE static long spinner(long iters) {
    long n = 0;
    for (long i = 0; i < iters; i++) {
        n++;
        YC_YIELD();
    }
    return n;
}

/* Two tasks yield iters / 2 times each: with the other task ready, every
   yield is a real trip through the run queue. */
YC_COROUTINE static long yield2(long iters) {
    yc_task *t = YC_ASYNC(spinner(iters / 2));
    long n = YC_AWAIT(spinner(iters - iters / 2)), m = 0;
    check(YC_AWAIT(yc_task_join(t, &m, sizeof m, YC_NO_DEADLINE)), "join");
    return n + m;
}

long micro_yc_yield2_run(long iters) { return yield2(iters); }

YC_COROUTINE static int leaf_yield(int x) {
    YC_YIELD();
    return x + 1;
}

YC_COROUTINE static long roundtrips(long iters) {
    long s = 0;
    for (long i = 0; i < iters; i++)
        s += YC_AWAIT(leaf_yield((int)i));
    return s;
}

/* Two tasks each await a callee that suspends once, iters / 2 times. */
YC_COROUTINE static long roundtrip2(long iters) {
    yc_task *t = YC_ASYNC(roundtrips(iters / 2));
    long n = YC_AWAIT(roundtrips(iters - iters / 2)), m = 0;
    check(YC_AWAIT(yc_task_join(t, &m, sizeof m, YC_NO_DEADLINE)), "join");
    return n + m;
}

long micro_yc_roundtrip2_run(long iters) { return roundtrip2(iters); }

/* ------------------------------------------------------------------ */
/* Row 4: spawn, run and join                                          */
/* ------------------------------------------------------------------ */

YC_COROUTINE static int child(int x) { return x + 1; }

/* Spawns iters tasks (all alive at once), then joins them in order. */
YC_COROUTINE static long spawn_all(long iters) {
    yc_task **tasks = malloc((size_t)iters * sizeof *tasks);
    long s = 0;
    if (!tasks)
        check(YC_ENOMEM, "spawn");
    for (long i = 0; i < iters; i++)
        tasks[i] = YC_ASYNC(child((int)i));
    for (long i = 0; i < iters; i++) {
        int r = 0;
        check(YC_AWAIT(yc_task_join(tasks[i], &r, sizeof r, YC_NO_DEADLINE)),
              "join");
        s += r;
    }
    free(tasks);
    return s;
}

long micro_yc_spawn_run(long iters) { return spawn_all(iters); }

/* ------------------------------------------------------------------ */
/* Row 7: channel ping-pong, mutex hand-off, event wake-up            */
/* ------------------------------------------------------------------ */

YC_COROUTINE static void pong(yc_chan *in, yc_chan *out) {
    int v;
    while (YC_AWAIT(yc_chan_recv(in, &v, YC_NO_DEADLINE)) == 0)
        check(YC_AWAIT(yc_chan_send(out, &v, YC_NO_DEADLINE)), "pong send");
}

/* iters messages through two rendezvous channels, half each way. */
YC_COROUTINE static long ping(long iters) {
    yc_chan *a, *b;
    check(yc_chan_create(&a, sizeof(int), 0), "chan");
    check(yc_chan_create(&b, sizeof(int), 0), "chan");
    yc_task *t = YC_ASYNC(pong(a, b));
    long s = 0;
    for (long i = 0; i < iters / 2; i++) {
        int v = (int)i;
        check(YC_AWAIT(yc_chan_send(a, &v, YC_NO_DEADLINE)), "ping send");
        check(YC_AWAIT(yc_chan_recv(b, &v, YC_NO_DEADLINE)), "ping recv");
        s += v;
    }
    yc_chan_close(a);
    check(YC_AWAIT(yc_task_join(t, 0, 0, YC_NO_DEADLINE)), "join");
    yc_chan_free(a);
    yc_chan_free(b);
    return s;
}

long micro_yc_chan_run(long iters) { return ping(iters); }

static yc_mutex handoff_mutex = YC_MUTEX_INIT;

/* Locks, yields while holding the lock (so the other task queues on it),
   unlocks (which hands the mutex to the waiter) and locks again (which
   waits for it to come back): one hand-off per iteration. */
YC_COROUTINE static long locker(long iters) {
    for (long i = 0; i < iters; i++) {
        check(YC_AWAIT(yc_mutex_lock(&handoff_mutex, YC_NO_DEADLINE)), "lock");
        YC_YIELD();
        check(yc_mutex_unlock(&handoff_mutex), "unlock");
    }
    return iters;
}

YC_COROUTINE static long handoff(long iters) {
    yc_task *t = YC_ASYNC(locker(iters / 2));
    long n = YC_AWAIT(locker(iters - iters / 2)), m = 0;
    check(YC_AWAIT(yc_task_join(t, &m, sizeof m, YC_NO_DEADLINE)), "join");
    return n + m;
}

long micro_yc_mutex_run(long iters) { return handoff(iters); }

static yc_event ping_ev = YC_EVENT_INIT, pong_ev = YC_EVENT_INIT;

/* Answers every wake-up on ping_ev with one on pong_ev, until told to
   stop. */
YC_COROUTINE static void event_ponger(const int *stop) {
    for (;;) {
        check(YC_AWAIT(yc_event_wait(&ping_ev, YC_NO_DEADLINE)), "wait");
        yc_event_clear(&ping_ev);
        if (*stop)
            return;
        yc_event_set(&pong_ev);
    }
}

/* iters wake-ups through two events, half each way: each side sets the
   other's event and waits on its own, so every wait blocks. */
YC_COROUTINE static long event_pingpong(long iters) {
    int stop = 0;
    yc_task *t = YC_ASYNC(event_ponger(&stop));
    for (long i = 0; i < iters / 2; i++) {
        yc_event_set(&ping_ev);
        check(YC_AWAIT(yc_event_wait(&pong_ev, YC_NO_DEADLINE)), "wait");
        yc_event_clear(&pong_ev);
    }
    stop = 1;
    yc_event_set(&ping_ev);
    check(YC_AWAIT(yc_task_join(t, 0, 0, YC_NO_DEADLINE)), "join");
    return iters;
}

long micro_yc_event_run(long iters) { return event_pingpong(iters); }

/* ------------------------------------------------------------------ */
/* Row 8: waking a million sleepers                                    */
/* ------------------------------------------------------------------ */

static int64_t wake_at;     /* the one deadline every sleeper waits for */
static long sleepers_left;  /* sleepers not woken yet */
static int64_t last_asleep; /* clock when the last sleeper went to sleep */
static yc_event all_woken = YC_EVENT_INIT;

YC_COROUTINE static void sleeper(void) {
    last_asleep = clock_ns();
    check(YC_AWAIT(yc_sleep_until(wake_at)), "sleep");
    if (--sleepers_left == 0)
        yc_event_set(&all_woken);
}

/* Spawns iters sleepers that all sleep until the same deadline, far
   enough ahead for all of them to be asleep when it comes, and times
   from the deadline to the last wake-up: the scheduler waking from its
   poll, expiring every timer and resuming every sleeper. */
YC_COROUTINE static long sleep_all(long iters) {
    yc_event_clear(&all_woken);
    sleepers_left = iters;
    int64_t start = clock_ns();
    wake_at = start + micro_sleep_lead_ns(iters);
    for (long i = 0; i < iters; i++)
        YC_SPAWN(sleeper());
    check(YC_AWAIT(yc_event_wait(&all_woken, YC_NO_DEADLINE)), "wait");
    micro_phase_done(last_asleep - start, wake_at, clock_ns());
    return iters;
}

long micro_yc_sleep_run(long iters) { return sleep_all(iters); }
