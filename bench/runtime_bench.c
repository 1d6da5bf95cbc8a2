/* runtime_bench.c - the runtime's timer heap next to baselines measured
   in the same run: timer insert+cancel through the API against a binary
   heap, and the same 4-ary heap without the API. Each timing is the
   median of RUNS runs, after a warm-up. (Spawn, channels and sleepers
   moved to bench_micro, whose harness also counts instructions.)

     runtime_bench [--csv FILE]

   Build and run: cmake --build build --target bench_runtime */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <yieldc.h>

enum {
    RUNS = 7,        /* runs per measurement; the median is shown */
    TIMERS = 1000000 /* pending timers */
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

/* One line of bench_micro's CSV format: the runtime's heap against a
   baseline heap, as row 8 (timers) of issue 8. */
static void csv_row(FILE *f, const char *what, double *ns, const char *base,
                    double *bns) {
    double m = median(ns, RUNS), bm = median(bns, RUNS);
    fprintf(f, "8,%s,%s,ns/op,%.3f,%.3f,%.3f,,,\n", what, "yieldc 4-ary heap",
            m, ns[0], ns[RUNS - 1]);
    fprintf(f, "8,%s,%s,ns/op,%.3f,%.3f,%.3f,,%.3g,\n", what, base, bm, bns[0],
            bns[RUNS - 1], m / bm);
}

int main(int argc, char **argv) {
    FILE *csv = NULL;
    if (argc == 3 && !strcmp(argv[1], "--csv")) {
        csv = fopen(argv[2], "w");
        if (!csv) {
            perror(argv[2]);
            return 1;
        }
        fprintf(csv, "row,operation,implementation,metric,median,min,max,"
                     "instr_per_op,ratio_yieldc_over_this,note\n");
    } else if (argc != 1) {
        fprintf(stderr, "usage: runtime_bench [--csv FILE]\n");
        return 2;
    }
    double ours[RUNS], base[RUNS];
    printf("yieldc runtime %s: timer heaps, medians of %d runs\n\n",
           yc_version(), RUNS);

    make_inputs();
    yc_timer *timers = calloc(TIMERS, sizeof *timers);
    struct dtimer *dtimers = calloc(TIMERS, sizeof *dtimers);
    dheap = malloc(TIMERS * sizeof *dheap);
    double quad[RUNS], quad_fire[RUNS], bin_fire[RUNS];
    /* A warm-up of each, then all alternating. */
    yc_timers_run(timers);
    binary_cancel(dtimers);
    for (int r = 0; r < RUNS; r++) {
        ours[r] = yc_timers_run(timers);
        base[r] = binary_cancel(dtimers);
        quad[r] = quad_cancel(dtimers);
        bin_fire[r] = binary_expire(dtimers);
        quad_fire[r] = quad_expire(dtimers);
    }
    if (csv) {
        csv_row(csv, "timer insert+cancel (API)", ours, "binary heap (no API)",
                base);
        csv_row(csv, "timer insert+expire (no API)", quad_fire,
                "binary heap (no API)", bin_fire);
        fclose(csv);
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
    return 0;
}
