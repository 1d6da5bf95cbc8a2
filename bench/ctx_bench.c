/* ctx_bench.c - the cost of a stackful context switch: yieldc's
   yc__ctx_switch (runtime/src/ctx.h) against Boost.Context's
   boost::context::fiber (ctx_boost.cpp, g++ -O2), glibc's swapcontext and,
   when built with CTX_HAVE_PTH, GNU Pth's pth_uctx_switch (libpth-dev),
   measured in the same process.

   Each method ping-pongs between the caller and one peer context; a round
   trip is two switches. Every method is calibrated first (which also warms
   caches and branch predictors) to a run of about 40 ms, then the methods
   run alternately, in a rotating order, REPS times each; the report gives
   the median and the range in ns per switch, and the ratios the stackful
   issues set as targets (yieldc no slower than Boost.Context, at least 10x
   faster than swapcontext). Timings move with the machine's load: compare
   numbers from one run only.

   With Valgrind installed it then counts instructions per switch with
   callgrind: it runs itself twice per method (--child) with different
   round counts, and divides the difference of the totals by the
   difference of switches, which cancels start-up and exit.

   Two smaller numbers for the stackful runtime: creating, running and
   finishing a context on a pooled stack, and the memory that a suspended
   context costs at the default stack size.

   Build and run: see bench/ctx.cmake (target ctx_bench), or by hand:
       g++ -O2 -c bench/ctx_boost.cpp -o ctx_boost.o
       gcc -O2 -std=gnu11 -Iruntime/include bench/ctx_bench.c ctx_boost.o \
           build/runtime/libyieldc.a -lboost_context -lstdc++ -lpthread \
           -o ctx_bench
       ./ctx_bench [--reps N] [--no-insns] [--csv FILE]
   (add -DCTX_HAVE_PTH and -lpth for the GNU Pth row). */
#define _GNU_SOURCE /* readlink, popen */

#include "../runtime/src/ctx.h"
#include "../runtime/src/stack.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>
#ifdef CTX_HAVE_PTH
#include <pth.h>
#endif

enum {
    MAX_REPS = 101,       /* most repetitions --reps accepts */
    DEFAULT_REPS = 9,     /* repetitions per method */
    TARGET_NS = 40000000, /* calibrated length of one run */
    LIFECYCLES = 200000,  /* contexts created and finished per run */
    SUSPENDED = 10000     /* contexts kept suspended for the memory row */
};

/* Defined in ctx_boost.cpp. */
long long yc_bench_boost_pingpong(long rounds);

static long long clock_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void fail(const char *what) {
    fprintf(stderr, "ctx_bench: %s\n", what);
    exit(1);
}

/* ------------------------------------------------------------------ */
/* The three ping-pongs. Each returns the nanoseconds of `rounds`      */
/* round trips; the peer is made before the clock starts.             */
/* ------------------------------------------------------------------ */

static struct yc__ctx main_ctx, peer_ctx;
static struct yc__stack *peer_stack;

static void yc_peer(void *arg) {
    (void)arg;
    for (;;)
        yc__ctx_switch(&peer_ctx, &main_ctx);
}

static long long yieldc_pingpong(long rounds) {
    if (!peer_stack && yc__stack_alloc(0, 1, &peer_stack) != 0)
        fail("cannot allocate a stack");
    yc__ctx_make(&peer_ctx, peer_stack->lo, peer_stack->size, yc_peer, NULL);
    yc__ctx_switch(&main_ctx, &peer_ctx); /* first entry: not timed */
    long long t0 = clock_ns();
    for (long i = 0; i < rounds; i++)
        yc__ctx_switch(&main_ctx, &peer_ctx);
    return clock_ns() - t0;
}

static ucontext_t main_uc, peer_uc;
static char uc_stack[256 * 1024] __attribute__((aligned(16)));

static void uc_peer(void) {
    for (;;)
        swapcontext(&peer_uc, &main_uc);
}

static long long swapcontext_pingpong(long rounds) {
    if (getcontext(&peer_uc) != 0)
        fail("getcontext failed");
    peer_uc.uc_stack.ss_sp = uc_stack;
    peer_uc.uc_stack.ss_size = sizeof uc_stack;
    peer_uc.uc_link = NULL;
    makecontext(&peer_uc, uc_peer, 0);
    swapcontext(&main_uc, &peer_uc); /* first entry: not timed */
    long long t0 = clock_ns();
    for (long i = 0; i < rounds; i++)
        swapcontext(&main_uc, &peer_uc);
    return clock_ns() - t0;
}

#ifdef CTX_HAVE_PTH
/* GNU Pth's user-level contexts: the switch under its threads, without
   its scheduler. */
static pth_uctx_t pth_main_uc, pth_peer_uc;
static char pth_stack[256 * 1024] __attribute__((aligned(16)));

static void pth_peer(void *arg) {
    (void)arg;
    for (;;)
        pth_uctx_switch(pth_peer_uc, pth_main_uc);
}

static long long pth_pingpong(long rounds) {
    if (!pth_peer_uc) {
        if (!pth_uctx_create(&pth_main_uc) || !pth_uctx_create(&pth_peer_uc) ||
            !pth_uctx_make(pth_peer_uc, pth_stack, sizeof pth_stack, NULL,
                           pth_peer, NULL, NULL))
            fail("pth_uctx_create/make failed");
    }
    pth_uctx_switch(pth_main_uc, pth_peer_uc); /* first entry: not timed */
    long long t0 = clock_ns();
    for (long i = 0; i < rounds; i++)
        pth_uctx_switch(pth_main_uc, pth_peer_uc);
    return clock_ns() - t0;
}
#endif

struct method {
    const char *name;            /* for the report and --child */
    long long (*pingpong)(long); /* the measured loop */
    long rounds;                 /* round trips per run, calibrated */
    double ns[MAX_REPS];         /* ns per switch of each run */
};

static struct method methods[] = {
    {"yieldc", yieldc_pingpong, 0, {0}},
    {"boost", yc_bench_boost_pingpong, 0, {0}},
    {"swapcontext", swapcontext_pingpong, 0, {0}},
#ifdef CTX_HAVE_PTH
    {"pth", pth_pingpong, 0, {0}},
#endif
};
enum { NMETHODS = sizeof methods / sizeof methods[0] };

static const char *const labels[NMETHODS] = {
    "yieldc yc__ctx_switch",
    "boost::context::fiber",
    "glibc swapcontext",
#ifdef CTX_HAVE_PTH
    "GNU Pth pth_uctx_switch",
#endif
};

static double insns[NMETHODS]; /* instructions per switch, or -1 */

/* Doubles the rounds until a run takes a good part of TARGET_NS, then
   scales them to it. The runs on the way are the warm-up. */
static void calibrate(struct method *m) {
    long rounds = 1000;
    long long ns;
    while ((ns = m->pingpong(rounds)) < TARGET_NS / 4)
        rounds *= 2;
    m->rounds = (long)((double)rounds * TARGET_NS / (double)ns) + 1;
    m->pingpong(m->rounds); /* one more at the final size */
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Sorts v and returns its median. */
static double median(double *v, int n) {
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* ------------------------------------------------------------------ */
/* Instructions per switch, with callgrind.                            */
/* ------------------------------------------------------------------ */

/* Total instructions of `self --child name rounds` under callgrind, or -1
   if valgrind is missing or its output has no total. */
static double callgrind_total(const char *self, const char *name, long rounds) {
    char cmd[4200];
    snprintf(cmd, sizeof cmd,
             "valgrind --tool=callgrind --callgrind-out-file=/dev/null "
             "'%s' --child %s %ld 2>&1",
             self, name, rounds);
    FILE *p = popen(cmd, "r");
    if (!p)
        return -1;
    char line[512];
    double total = -1;
    while (fgets(line, sizeof line, p)) {
        const char *at = strstr(line, "Collected : ");
        if (at)
            total = strtod(at + strlen("Collected : "), NULL);
    }
    return pclose(p) == 0 ? total : -1;
}

static void instructions(void) {
    char self[4096];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0 || system("valgrind --version >/dev/null 2>&1") != 0) {
        printf("\ninstructions per switch: valgrind not found, skipped\n");
        return;
    }
    self[n] = 0;
    const long r1 = 20000, r2 = 60000;
    printf("\ninstructions per switch (callgrind, (I(%ld) - I(%ld)) / "
           "%ld switches):\n",
           r2, r1, 2 * (r2 - r1));
    for (int i = 0; i < NMETHODS; i++) {
        double a = callgrind_total(self, methods[i].name, r1);
        double b = callgrind_total(self, methods[i].name, r2);
        insns[i] = a < 0 || b < 0 ? -1 : (b - a) / (2.0 * (r2 - r1));
        if (insns[i] < 0)
            printf("  %-24s  callgrind failed\n", labels[i]);
        else
            printf("  %-24s %7.1f\n", labels[i], insns[i]);
    }
}

/* ------------------------------------------------------------------ */
/* Lifecycle and memory                                                */
/* ------------------------------------------------------------------ */

static struct yc__ctx life_ctx;

static void life_body(void *arg) {
    ++*(long *)arg;
    yc__ctx_switch(&life_ctx, &main_ctx); /* finished: never resumed */
}

/* ns to take a pooled stack, make a context on it, run it to its end and
   give the stack back. */
static double lifecycle(void) {
    long ran = 0;
    long long t0 = clock_ns();
    for (int i = 0; i < LIFECYCLES; i++) {
        struct yc__stack *st;
        if (yc__stack_alloc(0, (unsigned long)i, &st) != 0)
            fail("cannot allocate a stack");
        yc__ctx_make(&life_ctx, st->lo, st->size, life_body, &ran);
        yc__ctx_switch(&main_ctx, &life_ctx);
        yc__stack_free(st);
    }
    long long ns = clock_ns() - t0;
    if (ran != LIFECYCLES)
        fail("a context did not run");
    return (double)ns / LIFECYCLES;
}

static long rss_bytes(void) {
    long pages = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f)
        return -1;
    if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
        resident = -1;
    fclose(f);
    return resident < 0 ? -1 : resident * sysconf(_SC_PAGESIZE);
}

static struct yc__ctx *parked;

/* Suspends itself at once, a couple of frames deep, as a micro-thread
   waiting on I/O would. */
static void park_body(void *arg) {
    struct yc__ctx *self = arg;
    yc__ctx_switch(self, &main_ctx);
}

/* Resident bytes per suspended context at the default stack size. */
static double memory_per_context(void) {
    static struct yc__stack *stacks[SUSPENDED];
    parked = calloc(SUSPENDED, sizeof *parked);
    if (!parked)
        fail("out of memory");
    long before = rss_bytes();
    for (int i = 0; i < SUSPENDED; i++) {
        if (yc__stack_alloc(0, (unsigned long)i, &stacks[i]) != 0)
            fail("cannot allocate a stack");
        yc__ctx_make(&parked[i], stacks[i]->lo, stacks[i]->size, park_body,
                     &parked[i]);
        yc__ctx_switch(&main_ctx, &parked[i]);
    }
    long after = rss_bytes();
    for (int i = 0; i < SUSPENDED; i++)
        yc__stack_free(stacks[i]);
    yc__stack_pool_drain();
    free(parked);
    return before < 0 || after < 0 ? -1 : (double)(after - before) / SUSPENDED;
}

/* ------------------------------------------------------------------ */

/* Writes the switch rows in bench_micro's CSV format (row 6 of issue 8). */
static void write_csv(const char *path, const double *med, int reps) {
    FILE *f = fopen(path, "w");
    if (!f)
        fail("cannot write the CSV file");
    fprintf(f, "row,operation,implementation,metric,median,min,max,"
               "instr_per_op,ratio_yieldc_over_this,note\n");
    for (int i = 0; i < NMETHODS; i++) {
        fprintf(f, "6,stackful switch,%s,ns/op,%.3f,%.3f,%.3f,", labels[i],
                med[i], methods[i].ns[0], methods[i].ns[reps - 1]);
        if (insns[i] >= 0)
            fprintf(f, "%.1f", insns[i]);
        fprintf(f, ",");
        if (i > 0)
            fprintf(f, "%.3g", med[0] / med[i]);
        fprintf(f, ",\n");
    }
    fclose(f);
}

int main(int argc, char **argv) {
    int reps = DEFAULT_REPS, count = 1;
    const char *csv = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--child") && i + 2 < argc) {
            /* One measured loop for callgrind; prints nothing. */
            for (int m = 0; m < NMETHODS; m++)
                if (!strcmp(argv[i + 1], methods[m].name)) {
                    methods[m].pingpong(strtol(argv[i + 2], NULL, 10));
                    return 0;
                }
            fail("--child: unknown method");
        } else if (!strcmp(argv[i], "--reps") && i + 1 < argc) {
            reps = atoi(argv[++i]);
            if (reps < 5 || reps > MAX_REPS)
                fail("--reps: between 5 and 101");
        } else if (!strcmp(argv[i], "--no-insns")) {
            count = 0;
        } else if (!strcmp(argv[i], "--csv") && i + 1 < argc) {
            csv = argv[++i];
        } else {
            fail("usage: ctx_bench [--reps N] [--no-insns] [--csv FILE]");
        }
    }

    for (int i = 0; i < NMETHODS; i++)
        calibrate(&methods[i]);
    for (int r = 0; r < reps; r++)
        for (int k = 0; k < NMETHODS; k++) {
            struct method *m = &methods[(r + k) % NMETHODS];
            m->ns[r] = (double)m->pingpong(m->rounds) / (2.0 * m->rounds);
        }

    printf("context switch, ns per switch: median [min - max] of %d runs, "
           "methods alternating\n",
           reps);
    double med[NMETHODS];
    for (int i = 0; i < NMETHODS; i++) {
        struct method *m = &methods[i];
        med[i] = median(m->ns, reps);
        printf("  %-24s %7.2f  [%7.2f - %7.2f]   %ld switches per run\n",
               labels[i], med[i], m->ns[0], m->ns[reps - 1], 2 * m->rounds);
    }
    double vs_boost = med[0] / med[1], vs_swap = med[2] / med[0];
    printf("yieldc / Boost.Context: %.2f   (target <= 1.00: %s)\n", vs_boost,
           vs_boost <= 1.0 ? "met" : "MISSED");
    printf("swapcontext / yieldc:   %.1fx  (target >= 10x: %s)\n", vs_swap,
           vs_swap >= 10 ? "met" : "MISSED");

    double life[5];
    for (int r = 0; r < 5; r++)
        life[r] = lifecycle();
    printf("\nmake + run + finish a context on a pooled stack: %.1f ns "
           "(median of 5)\n",
           median(life, 5));
    double mem = memory_per_context();
    if (mem >= 0)
        printf("resident memory per suspended context, %zu-byte stacks: "
               "%.0f bytes\n",
               yc__stack_default, mem);

    for (int i = 0; i < NMETHODS; i++)
        insns[i] = -1;
    if (count)
        instructions();
    if (csv)
        write_csv(csv, med, reps);
    return 0;
}
