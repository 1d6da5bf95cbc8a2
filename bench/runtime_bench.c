/* runtime_bench.c - the runtime's costs next to baselines measured in the
   same run: spawn+join per task against pthread_create+pthread_join, a
   channel ping-pong per message against a pthread mutex/condvar
   ping-pong, timer insert+cancel against a binary heap, and the memory of
   a million sleeping tasks. Each timing is the median of RUNS runs.

   Build and run: cmake --build build --target bench */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <yieldc.h>

enum {
    RUNS = 7,                /* runs per measurement; the median is shown */
    SPAWNS = 200000,         /* tasks per spawn+join run */
    THREADS = 5000,          /* threads per pthread create+join run */
    MESSAGES = 200000,       /* messages per ping-pong run (each way) */
    THREAD_MESSAGES = 50000, /* messages per pthread ping-pong run */
    TIMERS = 1000000,        /* pending timers */
    SLEEPERS = 1000000       /* concurrently sleeping tasks */
};

static int64_t clock_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n) {
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return v[n / 2];
}

static void row(const char *what, double ours, const char *base_what,
                double base) {
    printf("%-34s %10.1f ns   %-30s %10.1f ns   x%.1f\n", what, ours, base_what,
           base, base / ours);
}

static void check(int rc, const char *what) {
    if (rc) {
        fprintf(stderr, "bench: %s: %s\n", what, yc_strerror(rc));
        exit(1);
    }
}

/* ------------------------------------------------------------------ */
/* Spawn + join                                                        */
/* ------------------------------------------------------------------ */

YC_COROUTINE static int child(int x) { return x + 1; }

YC_COROUTINE static double spawn_join_run(void) {
    int64_t t0 = clock_ns();
    long sum = 0;
    for (int i = 0; i < SPAWNS; i++) {
        yc_task *t = YC_ASYNC(child(i));
        int r;
        int rc = YC_AWAIT(yc_task_join(t, &r, sizeof r, -1));
        check(rc, "join");
        sum += r;
    }
    if (sum == 42)
        puts("");
    return (double)(clock_ns() - t0) / SPAWNS;
}

static void *thread_child(void *arg) { return arg; }

static double pthread_run(void) {
    int64_t t0 = clock_ns();
    for (int i = 0; i < THREADS; i++) {
        pthread_t th;
        if (pthread_create(&th, NULL, thread_child, NULL) ||
            pthread_join(th, NULL)) {
            perror("pthread");
            exit(1);
        }
    }
    return (double)(clock_ns() - t0) / THREADS;
}

/* ------------------------------------------------------------------ */
/* Ping-pong                                                           */
/* ------------------------------------------------------------------ */

YC_COROUTINE static void pong(yc_chan *in, yc_chan *out) {
    int v;
    while (YC_AWAIT(yc_chan_recv(in, &v, -1)) == 0) {
        int rc = YC_AWAIT(yc_chan_send(out, &v, -1));
        check(rc, "pong send");
    }
}

/* Messages each way through two rendezvous channels. */
YC_COROUTINE static double ping_pong_run(void) {
    yc_chan *a, *b;
    check(yc_chan_create(&a, sizeof(int), 0), "chan");
    check(yc_chan_create(&b, sizeof(int), 0), "chan");
    yc_task *t = YC_ASYNC(pong(a, b));
    int64_t t0 = clock_ns();
    for (int i = 0; i < MESSAGES; i++) {
        int v = i;
        int rc = YC_AWAIT(yc_chan_send(a, &v, -1));
        check(rc, "ping send");
        rc = YC_AWAIT(yc_chan_recv(b, &v, -1));
        check(rc, "ping recv");
    }
    double ns = (double)(clock_ns() - t0) / (2.0 * MESSAGES);
    yc_chan_close(a);
    int rc = YC_AWAIT(yc_task_join(t, 0, 0, -1));
    check(rc, "join pong");
    yc_chan_free(a);
    yc_chan_free(b);
    return ns;
}

/* A one-slot mailbox per direction, guarded by a mutex and a condvar. */
struct box {
    pthread_mutex_t m;
    pthread_cond_t c;
    int full, value;
};

static struct box to_pong, to_ping;

static void box_put(struct box *b, int v) {
    pthread_mutex_lock(&b->m);
    while (b->full)
        pthread_cond_wait(&b->c, &b->m);
    b->value = v;
    b->full = 1;
    pthread_cond_signal(&b->c);
    pthread_mutex_unlock(&b->m);
}

static int box_take(struct box *b) {
    pthread_mutex_lock(&b->m);
    while (!b->full)
        pthread_cond_wait(&b->c, &b->m);
    int v = b->value;
    b->full = 0;
    pthread_cond_signal(&b->c);
    pthread_mutex_unlock(&b->m);
    return v;
}

static void *thread_pong(void *arg) {
    (void)arg;
    for (int i = 0; i < THREAD_MESSAGES; i++)
        box_put(&to_ping, box_take(&to_pong));
    return NULL;
}

static double thread_ping_pong_run(void) {
    struct box init = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0,
                       0};
    to_pong = init;
    to_ping = init;
    pthread_t th;
    pthread_create(&th, NULL, thread_pong, NULL);
    int64_t t0 = clock_ns();
    for (int i = 0; i < THREAD_MESSAGES; i++) {
        box_put(&to_pong, i);
        box_take(&to_ping);
    }
    double ns = (double)(clock_ns() - t0) / (2.0 * THREAD_MESSAGES);
    pthread_join(th, NULL);
    return ns;
}

/* ------------------------------------------------------------------ */
/* Timers                                                              */
/* ------------------------------------------------------------------ */

/* The baseline, and the alternative the runtime's heap was measured
   against: a d-ary heap with the runtime's slot layout (deadline and
   arming order in the slot, index in the timer), compiled for d = 2
   (binary) and d = 4 (what the runtime uses). */
struct dtimer {
    int64_t deadline;
    unsigned idx; /* 1 + slot, 0 when not armed */
};
struct dslot {
    int64_t deadline;
    uint64_t seq;
    struct dtimer *t;
};
static struct dslot *dheap;
static unsigned dn;
static uint64_t dseq;

#define ALWAYS_INLINE static inline __attribute__((always_inline))

ALWAYS_INLINE int dbefore(const struct dslot *a, const struct dslot *b) {
    return a->deadline != b->deadline ? a->deadline < b->deadline
                                      : a->seq < b->seq;
}

ALWAYS_INLINE void dput(unsigned i, struct dslot s) {
    dheap[i] = s;
    s.t->idx = i + 1;
}

ALWAYS_INLINE void dsift_up(unsigned d, unsigned i, struct dslot s) {
    while (i > 0 && dbefore(&s, &dheap[(i - 1) / d])) {
        dput(i, dheap[(i - 1) / d]);
        i = (i - 1) / d;
    }
    dput(i, s);
}

ALWAYS_INLINE void dsift_down(unsigned d, unsigned i, struct dslot s) {
    for (;;) {
        unsigned c = d * i + 1, best = c;
        if (c >= dn)
            break;
        for (unsigned k = c + 1; k < c + d && k < dn; k++)
            if (dbefore(&dheap[k], &dheap[best]))
                best = k;
        if (!dbefore(&dheap[best], &s))
            break;
        dput(i, dheap[best]);
        i = best;
    }
    dput(i, s);
}

ALWAYS_INLINE void dadd(unsigned d, struct dtimer *t, int64_t deadline) {
    t->deadline = deadline;
    struct dslot s = {deadline, dseq++, t};
    dsift_up(d, dn++, s);
}

ALWAYS_INLINE void ddel(unsigned d, struct dtimer *t) {
    unsigned i = t->idx - 1;
    t->idx = 0;
    struct dslot last = dheap[--dn];
    if (i == dn)
        return;
    if (i > 0 && dbefore(&last, &dheap[(i - 1) / d]))
        dsift_up(d, i, last);
    else
        dsift_down(d, i, last);
}

static int64_t *deadlines; /* pseudo-random deadlines, far in the future */
static unsigned *order;    /* a random permutation for cancelling */

static void make_inputs(void) {
    deadlines = malloc(TIMERS * sizeof *deadlines);
    order = malloc(TIMERS * sizeof *order);
    uint64_t x = 88172645463325252ull;
    for (unsigned i = 0; i < TIMERS; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        deadlines[i] = (int64_t)(x % 1000000000000ull) + 1000000000000ll;
        order[i] = i;
    }
    for (unsigned i = TIMERS - 1; i > 0; i--) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        unsigned j = (unsigned)(x % (i + 1));
        unsigned tmp = order[i];
        order[i] = order[j];
        order[j] = tmp;
    }
}

static void never(yc_timer *t, void *arg) {
    (void)t;
    (void)arg;
}

/* Inserts TIMERS timers with random deadlines (a million pending at the
   peak), then cancels them in random order: ns per insert+cancel pair. */
static double yc_timers_run(yc_timer *timers) {
    int64_t t0 = clock_ns();
    for (unsigned i = 0; i < TIMERS; i++)
        check(yc_timer_start(&timers[i], deadlines[i], never, NULL), "timer");
    for (unsigned i = 0; i < TIMERS; i++)
        yc_timer_stop(&timers[order[i]]);
    return (double)(clock_ns() - t0) / TIMERS;
}

/* Insert+cancel, as above, on the d-ary heap. */
ALWAYS_INLINE double dary_cancel_run(unsigned d, struct dtimer *timers) {
    dn = 0;
    int64_t t0 = clock_ns();
    for (unsigned i = 0; i < TIMERS; i++)
        dadd(d, &timers[i], deadlines[i]);
    for (unsigned i = 0; i < TIMERS; i++)
        ddel(d, &timers[order[i]]);
    return (double)(clock_ns() - t0) / TIMERS;
}

/* Inserts TIMERS timers, then fires them all in deadline order (the path
   of timers that expire): ns per timer. */
ALWAYS_INLINE double dary_expire_run(unsigned d, struct dtimer *timers) {
    dn = 0;
    int64_t t0 = clock_ns();
    for (unsigned i = 0; i < TIMERS; i++)
        dadd(d, &timers[i], deadlines[i]);
    int64_t last = 0;
    while (dn) {
        struct dtimer *t = dheap[0].t;
        if (t->deadline < last)
            abort();
        last = t->deadline;
        ddel(d, t);
    }
    return (double)(clock_ns() - t0) / TIMERS;
}

static __attribute__((noinline)) double binary_cancel(struct dtimer *t) {
    return dary_cancel_run(2, t);
}
static __attribute__((noinline)) double quad_cancel(struct dtimer *t) {
    return dary_cancel_run(4, t);
}
static __attribute__((noinline)) double binary_expire(struct dtimer *t) {
    return dary_expire_run(2, t);
}
static __attribute__((noinline)) double quad_expire(struct dtimer *t) {
    return dary_expire_run(4, t);
}

/* ------------------------------------------------------------------ */
/* A million sleeping tasks                                            */
/* ------------------------------------------------------------------ */

static long rss_bytes(void) {
    long pages = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        fclose(f);
    }
    return resident * 4096;
}

static int asleep;

YC_COROUTINE static int sleeper(int64_t until) {
    asleep++;
    int rc = YC_AWAIT(yc_sleep_until(until));
    return rc == YC_ECANCELED ? 0 : rc;
}

YC_COROUTINE static void sleepers(void) {
    yc_group g;
    yc_group_init(&g, 0);
    long before = rss_bytes();
    int64_t until = yc_now() + 3600 * YC_SEC;
    int64_t t0 = clock_ns();
    for (int i = 0; i < SLEEPERS; i++)
        check(yc_group_add(&g, YC_ASYNC(sleeper(until))), "group add");
    YC_YIELD(); /* every task runs once and goes to sleep */
    int64_t t1 = clock_ns();
    long after = rss_bytes();
    printf("%d tasks asleep at once: %.0f bytes each (RSS), started and "
           "asleep in %.0f ms\n",
           asleep, (double)(after - before) / SLEEPERS,
           (double)(t1 - t0) / 1e6);
    yc_group_cancel(&g);
    int rc = YC_AWAIT(yc_group_wait(&g, -1));
    check(rc, "group wait");
    printf("cancelled and joined them in %.0f ms\n",
           (double)(clock_ns() - t1) / 1e6);
}

/* ------------------------------------------------------------------ */

YC_COROUTINE int main(void) {
    double ours[RUNS], base[RUNS];
    printf("yieldc runtime %s: medians of %d runs\n\n", yc_version(), RUNS);

    for (int r = 0; r < RUNS; r++) {
        ours[r] = YC_AWAIT(spawn_join_run());
        base[r] = pthread_run();
    }
    row("spawn+join per task", median(ours, RUNS), "pthread create+join",
        median(base, RUNS));

    for (int r = 0; r < RUNS; r++) {
        ours[r] = YC_AWAIT(ping_pong_run());
        base[r] = thread_ping_pong_run();
    }
    row("channel ping-pong per message", median(ours, RUNS),
        "pthread mutex+condvar", median(base, RUNS));

    make_inputs();
    yc_timer *timers = calloc(TIMERS, sizeof *timers);
    struct dtimer *dtimers = calloc(TIMERS, sizeof *dtimers);
    dheap = malloc(TIMERS * sizeof *dheap);
    double quad[RUNS], quad_fire[RUNS], bin_fire[RUNS];
    for (int r = 0; r < RUNS; r++) {
        ours[r] = yc_timers_run(timers);
        base[r] = binary_cancel(dtimers);
        quad[r] = quad_cancel(dtimers);
        bin_fire[r] = binary_expire(dtimers);
        quad_fire[r] = quad_expire(dtimers);
    }
    row("timer insert+cancel (yc_timer)", median(ours, RUNS),
        "binary heap insert+cancel", median(base, RUNS));
    row("  the same 4-ary heap, no API", median(quad, RUNS),
        "binary heap insert+cancel", median(base, RUNS));
    row("  4-ary heap insert+expire", median(quad_fire, RUNS),
        "binary heap insert+expire", median(bin_fire, RUNS));
    free(timers);
    free(dtimers);
    free(dheap);
    free(deadlines);
    free(order);

    puts("");
    YC_AWAIT(sleepers());
    return 0;
}
