/* micro_bench.c - the micro-benchmarks of issue 8 (rows 1-5, 7 and 8):
   a stackless yield+resume, an await that does not suspend, an await that
   suspends once (alone, and with another task ready), spawning and joining
   a million tasks, the memory of an idle micro-thread, a channel
   ping-pong and a mutex hand-off, and waking a million sleepers; each next
   to its baselines (micro_base.c, plain C and pthreads; micro_cpp20.cpp,
   C++20 coroutines built by clang++ -O2). The rows with several
   micro-threads have their yieldc side in micro_sched.c.

   Without arguments it runs every row: yieldc and baselines alternating,
   after a warm-up, REPS times, and prints the median and min-max in ns per
   operation, the instructions per operation measured by re-running itself
   under `valgrind --tool=callgrind` (the difference between two short
   runs, so setup cancels out), and the ratio yieldc/baseline. The memory
   rows run in child processes (`--mem N`, `--mem-stackful N`) so that one
   size's pooled frames do not hide the next one's growth.

     bench_micro [--csv FILE] [--no-callgrind] [--row N]   (N: one row)
     bench_micro --case NAME --iters N     one case, for callgrind
     bench_micro --mem N | --mem-stackful N

   Build and run: cmake --build build --target bench_micro */
#define _POSIX_C_SOURCE 200809L
#include "micro_base.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <yieldc.h>

enum {
    REPS = 7,                 /* timed runs per implementation */
    CG_SHORT = 20000,         /* iterations of the short callgrind run */
    CG_LONG = 220000,         /* iterations of the long callgrind run */
    STACKFUL = 100000,        /* stackful micro-threads at once */
    STACKFUL_FALLBACK = 30000 /* when STACKFUL exceeds vm.max_map_count */
};

/* Idle stackless micro-threads per memory run, while they fit (see
   mem_fits). */
static const long mem_sizes[] = {1000000, 10000000, 30000000, 100000000};

static int64_t clock_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* ------------------------------------------------------------------ */
/* The yieldc side                                                     */
/* ------------------------------------------------------------------ */

/* Row 1: a counter that yields after every step, resumed by the
   scheduler (one scheduler round per yield). */
YC_COROUTINE static long spin(long iters) {
    long n = 0;
    for (long i = 0; i < iters; i++) {
        n++;
        YC_YIELD();
    }
    return n;
}

static long yc_yield_run(long iters) { return spin(iters); }

/* Row 2: an await of a coroutine that returns without suspending. leaf
   can never suspend, so its await is a plain call of its step function;
   maybe could (it yields on a negative argument, which it never gets
   here), so its await makes a frame and checks for a suspension. */
YC_COROUTINE static int leaf(int x) { return x + 1; }

YC_COROUTINE static int maybe(int x) {
    if (x < 0)
        YC_YIELD();
    return x + 1;
}

YC_COROUTINE static long await_may_loop(long iters) {
    long s = 0;
    for (long i = 0; i < iters; i++)
        s += YC_AWAIT(maybe((int)i));
    return s;
}

static long yc_await_may_run(long iters) { return await_may_loop(iters); }

/* Row 2, call-heavy code: the evaluator of micro_base.c with every
   function a coroutine and every call awaited. */
YC_COROUTINE static long eval(const struct micro_enode *n) {
    switch (n->op) {
    case 0:
        return n->val;
    case 1:
        return YC_AWAIT(eval(n->l)) + YC_AWAIT(eval(n->r));
    case 2:
        return YC_AWAIT(eval(n->l)) - YC_AWAIT(eval(n->r));
    default:
        return YC_AWAIT(eval(n->l)) ^ YC_AWAIT(eval(n->r));
    }
}

YC_COROUTINE static long eval_loop(long iters) {
    const struct micro_enode *t = micro_eval_tree();
    long s = 0;
    for (long i = 0; i < iters; i += EVAL_NODES)
        s += YC_AWAIT(eval(t));
    return s;
}

static long yc_eval_run(long iters) { return eval_loop(iters); }

YC_COROUTINE static long await_loop(long iters) {
    long s = 0;
    for (long i = 0; i < iters; i++)
        s += YC_AWAIT(leaf((int)i));
    return s;
}

static long yc_await_run(long iters) { return await_loop(iters); }

/* Row 3: an await of a coroutine that suspends once: the yield parks the
   task, the scheduler resumes the callee, which finishes and resumes the
   caller. */
YC_COROUTINE static int leaf_yield(int x) {
    YC_YIELD();
    return x + 1;
}

YC_COROUTINE static long roundtrip_loop(long iters) {
    long s = 0;
    for (long i = 0; i < iters; i++)
        s += YC_AWAIT(leaf_yield((int)i));
    return s;
}

static long yc_roundtrip_run(long iters) { return roundtrip_loop(iters); }

/* ------------------------------------------------------------------ */
/* Row 5: memory per idle micro-thread                                 */
/* ------------------------------------------------------------------ */

static yc_event mem_event = YC_EVENT_INIT;
static volatile long mem_sink;

/* VmRSS of this process in bytes, or -1. */
static long rss_bytes(void) {
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;
    if (!f)
        return -1;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "VmRSS: %ld kB", &kb) == 1)
            break;
    fclose(f);
    return kb < 0 ? -1 : kb * 1024;
}

/* The idle micro-thread: two ints live across the suspension. */
YC_COROUTINE static void idle(yc_event *e, int x) {
    int a = x * 3, b = x ^ 5;
    YC_AWAIT(yc_event_wait(e, YC_NO_DEADLINE));
    mem_sink = mem_sink + a + b;
}

/* Spawns n idle micro-threads, lets them all block, and returns the RSS
   growth; then wakes them so that they finish. */
YC_COROUTINE static long mem_stackless(long n) {
    long before = rss_bytes();
    for (long i = 0; i < n; i++)
        YC_SPAWN(idle(&mem_event, (int)i));
    YC_YIELD();
    long grown = rss_bytes() - before;
    yc_event_set(&mem_event);
    YC_YIELD();
    return grown;
}

/* The same on a stack of the default size. */
static void *idle_stackful(void *arg) {
    int x = (int)(intptr_t)arg;
    int a = x * 3, b = x ^ 5;
    yc_event_wait(&mem_event, YC_NO_DEADLINE);
    mem_sink = mem_sink + a + b;
    return NULL;
}

YC_COROUTINE static long mem_stackful(long n) {
    long before = rss_bytes();
    for (long i = 0; i < n; i++) {
        yc_task *t = yc_go(idle_stackful, (void *)(intptr_t)i, 0);
        if (!t) {
            fprintf(stderr, "bench_micro: yc_go failed at %ld\n", i);
            exit(1);
        }
        yc_task_detach(t);
    }
    YC_YIELD();
    long grown = rss_bytes() - before;
    yc_event_set(&mem_event);
    YC_YIELD();
    return grown;
}

/* ------------------------------------------------------------------ */
/* The harness                                                         */
/* ------------------------------------------------------------------ */

struct impl {
    const char *name; /* case name, for --case */
    const char *what; /* shown in the table */
    long (*run)(long iters);
    long div;  /* runs iters / div operations (0: 1), for slow baselines */
    int no_cg; /* 1: no callgrind count (it sleeps on the real clock) */
};

struct row {
    int id;              /* the row number */
    const char *what;    /* what one operation is */
    long iters;          /* operations per timed run */
    struct impl impl[3]; /* impl[0] is yieldc, the others baselines */
};

#ifdef MICRO_HAVE_CPP20
#define CPP(name, what, fn)                                                    \
    { name, what, fn, 0, 0 }
#else
#define CPP(name, what, fn)                                                    \
    { 0, 0, 0, 0, 0 }
#endif

static const struct row rows[] = {
    {1,
     "yield + resume",
     4000000,
     {{"yc_yield", "yieldc YC_YIELD, scheduler", yc_yield_run, 0, 0},
      {"sm", "hand-written state machine", micro_sm_run, 0, 0},
      CPP("cpp_gen", "C++20 generator (clang)", micro_cpp_gen_run)}},
    {2,
     "await, no suspension",
     10000000,
     {{"yc_await", "yieldc YC_AWAIT(leaf())", yc_await_run, 0, 0},
      {"call", "plain noinline call", micro_call_run, 0, 0},
      CPP("cpp_await", "C++20 co_await task (clang)", micro_cpp_await_run)}},
    {2,
     "await, could suspend",
     10000000,
     {{"yc_await_may", "yieldc YC_AWAIT(maybe()), no yield", yc_await_may_run,
       0, 0},
      {"call", "plain noinline call", micro_call_run, 0, 0},
      CPP("cpp_await", "C++20 co_await task (clang)", micro_cpp_await_run)}},
    {2,
     "evaluator, calls awaited",
     20 * EVAL_NODES,
     {{"yc_eval", "yieldc, every function a coroutine", yc_eval_run, 0, 0},
      {"plain_eval", "the same in plain C", micro_eval_plain_run, 0, 0},
      {0}}},
    {3,
     "await, suspends once",
     2000000,
     {{"yc_roundtrip", "yieldc YC_AWAIT(leaf_yield())", yc_roundtrip_run, 0, 0},
      CPP("cpp_roundtrip", "C++20 co_await + FIFO (clang)",
          micro_cpp_roundtrip_run),
      {0}}},
    {3,
     "yield, other task ready",
     4000000,
     {{"yc_yield2", "yieldc YC_YIELD, 2 tasks", micro_yc_yield2_run, 0, 0},
      CPP("cpp_yield2", "C++20 2 tasks on FIFO (clang)", micro_cpp_yield2_run),
      {0}}},
    {3,
     "await+suspend, 2 tasks",
     2000000,
     {{"yc_roundtrip2", "yieldc YC_AWAIT(leaf_yield())",
       micro_yc_roundtrip2_run, 0, 0},
      CPP("cpp_roundtrip2", "C++20 co_await + FIFO (clang)",
          micro_cpp_roundtrip2_run),
      {0}}},
    {4,
     "spawn+run+join 1M",
     1000000,
     {{"yc_spawn", "yieldc YC_ASYNC + yc_task_join", micro_yc_spawn_run, 0, 0},
      CPP("cpp_spawn", "C++20 tasks on FIFO (clang)", micro_cpp_spawn_run),
      {"pthread_spawn", "pthread create+join (1/1000)", micro_pthread_spawn_run,
       1000, 0}}},
    {7,
     "channel message",
     400000,
     {{"yc_chan", "yieldc yc_chan ping-pong", micro_yc_chan_run, 0, 0},
      {"pthread_pingpong", "pthread mutex+condvar (1/40)",
       micro_pthread_pingpong_run, 40, 0},
      {0}}},
    {7,
     "mutex hand-off",
     400000,
     {{"yc_mutex", "yieldc yc_mutex lock/unlock", micro_yc_mutex_run, 0, 0},
      {"pthread_pingpong", "pthread mutex+condvar (1/40)",
       micro_pthread_pingpong_run, 40, 0},
      {0}}},
    {7,
     "event wake-up",
     400000,
     {{"yc_event", "yieldc yc_event ping-pong", micro_yc_event_run, 0, 0},
      {"pthread_pingpong", "pthread mutex+condvar (1/40)",
       micro_pthread_pingpong_run, 40, 0},
      {0}}},
    {8,
     "wake 1M sleepers",
     1000000,
     {{"yc_sleep", "yieldc yc_sleep_until", micro_yc_sleep_run, 0, 1},
      CPP("cpp_sleep", "C++20 + binary-heap timers", micro_cpp_sleep_run),
      {0}}},
};
enum { NROWS = sizeof rows / sizeof rows[0] };

static char self[4096]; /* this program's path, for the child runs */
static long run_ops;    /* operations of the run in progress */
static FILE *csv;

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Instructions callgrind counts for `--case name --iters n`, or -1. */
static double callgrind_count(const char *name, long n) {
    char cmd[8192];
    snprintf(cmd, sizeof cmd,
             "valgrind --tool=callgrind --callgrind-out-file=/dev/null "
             "'%s' --case %s --iters %ld 2>&1 >/dev/null",
             self, name, n);
    FILE *p = popen(cmd, "r");
    char line[512];
    double ir = -1;
    if (!p)
        return -1;
    while (fgets(line, sizeof line, p)) {
        char *c = strstr(line, "Collected :");
        if (c)
            ir = strtod(c + strlen("Collected :"), NULL);
    }
    if (pclose(p) != 0)
        return -1;
    return ir;
}

static long impl_iters(const struct impl *im, long iters) {
    return im->div > 1 ? iters / im->div : iters;
}

static double instr_per_op(const struct impl *im) {
    long n1 = impl_iters(im, CG_SHORT), n2 = impl_iters(im, CG_LONG);
    double a = callgrind_count(im->name, n1);
    double b = callgrind_count(im->name, n2);
    if (a < 0 || b < 0)
        return -1;
    return (b - a) / (double)(n2 - n1);
}

static volatile long checksum;

/* The sleeper rows' report (micro_base.h): the timed phase, and how far
   ahead the next run puts its deadline. The first run guesses 2 us per
   sleeper; later ones use twice the setup time measured last, so that
   the runs do not idle for long but every sleeper is asleep in time. */
static double lead_per_op = 2000;
static double phase_ns = -1; /* the last run's timed phase, or -1 */

long long micro_sleep_lead_ns(long n) {
    return (long long)(lead_per_op * (double)n) + 20000000;
}

void micro_phase_done(long long setup_ns, long long deadline, long long last) {
    phase_ns = (double)(last - deadline);
    lead_per_op = 2.0 * (double)setup_ns / (double)(run_ops ? run_ops : 1);
}

static double time_run(const struct impl *im, long iters) {
    long n = impl_iters(im, iters);
    phase_ns = -1;
    run_ops = n;
    int64_t t0 = clock_ns();
    checksum = im->run(n);
    double ns = (double)(clock_ns() - t0);
    return (phase_ns >= 0 ? phase_ns : ns) / (double)n;
}

static void run_row(const struct row *r, int callgrind) {
    double ns[3][REPS], med[3], ipo[3];
    int n = 0;
    while (n < 3 && r->impl[n].run)
        n++;
    for (int k = 0; k < n; k++) /* warm-up: pools, caches, branch history */
        time_run(&r->impl[k], r->iters / 4);
    for (int rep = 0; rep < REPS; rep++)
        for (int k = 0; k < n; k++) /* alternating */
            ns[k][rep] = time_run(&r->impl[k], r->iters);
    for (int k = 0; k < n; k++) {
        qsort(ns[k], REPS, sizeof(double), cmp_double);
        med[k] = ns[k][REPS / 2];
        ipo[k] =
            callgrind && !r->impl[0].no_cg ? instr_per_op(&r->impl[k]) : -1;
    }
    for (int k = 0; k < n; k++) {
        char ratio[32] = "", instr[32] = "n/a";
        if (k > 0)
            snprintf(ratio, sizeof ratio, "%.3g", med[0] / med[k]);
        if (ipo[k] >= 0)
            snprintf(instr, sizeof instr, "%.1f", ipo[k]);
        printf("%-3d %-22s %-31s %8.2f  [%6.2f - %6.2f] %8s  %8s\n", r->id,
               k == 0 ? r->what : "", r->impl[k].what, med[k], ns[k][0],
               ns[k][REPS - 1], instr, ratio);
        if (csv)
            fprintf(csv, "%d,\"%s\",\"%s\",ns/op,%.3f,%.3f,%.3f,%s,%s,\n",
                    r->id, r->what, r->impl[k].what, med[k], ns[k][0],
                    ns[k][REPS - 1], ipo[k] >= 0 ? instr : "", ratio);
    }
    fflush(stdout);
}

/* Runs `self flag n` and returns the number it prints, or -1. */
static long child_mem(const char *flag, long n) {
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "'%s' %s %ld 2>/dev/null", self, flag, n);
    FILE *p = popen(cmd, "r");
    long v = -1;
    if (!p)
        return -1;
    if (fscanf(p, "%ld", &v) != 1)
        v = -1;
    if (pclose(p) != 0)
        return -1;
    return v;
}

/* MemAvailable from /proc/meminfo in bytes, or -1. */
static double mem_available(void) {
    FILE *f = fopen("/proc/meminfo", "r");
    char line[256];
    long kb = -1;
    if (!f)
        return -1;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "MemAvailable: %ld kB", &kb) == 1)
            break;
    fclose(f);
    return kb < 0 ? -1 : (double)kb * 1024;
}

/* Returns the bytes per thread measured, or -1. */
static double mem_row(const char *what, const char *flag, long n,
                      double cpp_frame) {
    long grown = child_mem(flag, n);
    char ratio[32] = "";
    if (grown < 0) {
        printf("5   %-22s %-31s   failed\n", "memory per idle thread", what);
        return -1;
    }
    double per = (double)grown / (double)n;
    if (cpp_frame > 0)
        snprintf(ratio, sizeof ratio, "%.3g", per / cpp_frame);
    printf("5   %-22s %-31s %8.1f B/thread (%ld threads)     %8s\n",
           "memory per idle thread", what, per, n, ratio);
    if (csv)
        fprintf(csv,
                "5,memory per idle thread,\"%s (%ld)\",bytes/thread,%.1f,,,,"
                "%s,\n",
                what, n, per, ratio);
    return per;
}

static int only_row; /* --row N: run row N only; 0: all */

static void run_all(int callgrind) {
    printf("%-3s %-22s %-31s %8s  %-17s %8s  %8s\n", "row", "operation",
           "implementation", "ns/op", "[min - max]", "instr/op", "yc/this");
    for (int i = 0; i < NROWS; i++)
        if (!only_row || rows[i].id == only_row)
            run_row(&rows[i], callgrind);
    if (only_row && only_row != 5)
        return;
    double frame = -1;
#ifdef MICRO_HAVE_CPP20
    frame = (double)micro_cpp_idle_frame();
    printf("5   %-22s %-31s %8.1f B/frame (operator new)\n",
           "memory per idle thread", "C++20 frame, same coroutine", frame);
    if (csv)
        fprintf(csv,
                "5,memory per idle thread,C++20 frame (clang),"
                "bytes/thread,%.1f,,,,,\n",
                frame);
#endif
    /* Each size runs only if, at the bytes per thread of the last size
       plus a quarter, it takes at most 60% of the memory available now:
       the machine is shared, and a child that exhausted it would take
       other work down with it. */
    double per = 400;
    for (size_t i = 0; i < sizeof mem_sizes / sizeof mem_sizes[0]; i++) {
        long n = mem_sizes[i];
        double need = 1.25 * per * (double)n, avail = mem_available();
        if (avail < 0 || need > 0.6 * avail) {
            printf("5   %-22s %ld threads skipped: would need about %.1f GiB, "
                   "%.1f GiB available\n",
                   "memory per idle thread", n, need / (1 << 30),
                   avail / (1 << 30));
            if (csv)
                fprintf(csv,
                        "5,memory per idle thread,\"yieldc stackless, "
                        "YC_SPAWN (%ld)\",bytes/thread,,,,,,skipped: needs "
                        "%.1f GiB of %.1f GiB available\n",
                        n, need / (1 << 30), avail / (1 << 30));
            break;
        }
        double got = mem_row("yieldc stackless, YC_SPAWN", "--mem", n, frame);
        if (got < 0)
            break;
        per = got;
    }
    long n = STACKFUL;
    if (child_mem("--mem-stackful", n) < 0) {
        printf("    (%ld stackful threads failed: each stack is 2 mappings, "
               "vm.max_map_count is usually 65530)\n",
               n);
        n = STACKFUL_FALLBACK;
    }
    mem_row("yieldc stackful, yc_go", "--mem-stackful", n, -1);
}

static const struct impl *find_case(const char *name) {
    for (int i = 0; i < NROWS; i++)
        for (int k = 0; k < 3; k++)
            if (rows[i].impl[k].name && !strcmp(rows[i].impl[k].name, name))
                return &rows[i].impl[k];
    return NULL;
}

int main(int argc, char **argv) {
    int callgrind = 1;
    ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
    if (len < 0)
        snprintf(self, sizeof self, "%s", argv[0]);
    else
        self[len] = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--case") && i + 3 < argc &&
            !strcmp(argv[i + 2], "--iters")) {
            const struct impl *im = find_case(argv[i + 1]);
            long n = atol(argv[i + 3]);
            if (!im) {
                fprintf(stderr, "bench_micro: no case %s\n", argv[i + 1]);
                return 2;
            }
            printf("%ld\n", im->run(n));
            return 0;
        } else if (!strcmp(argv[i], "--mem") && i + 1 < argc) {
            printf("%ld\n", mem_stackless(atol(argv[i + 1])));
            return 0;
        } else if (!strcmp(argv[i], "--mem-stackful") && i + 1 < argc) {
            printf("%ld\n", mem_stackful(atol(argv[i + 1])));
            return 0;
        } else if (!strcmp(argv[i], "--csv") && i + 1 < argc) {
            csv = fopen(argv[++i], "w");
            if (!csv) {
                perror(argv[i]);
                return 1;
            }
            fprintf(csv, "row,operation,implementation,metric,median,min,max,"
                         "instr_per_op,ratio_yieldc_over_this,note\n");
        } else if (!strcmp(argv[i], "--row") && i + 1 < argc) {
            only_row = atoi(argv[++i]);
        } else if (!strcmp(argv[i], "--no-callgrind")) {
            callgrind = 0;
        } else {
            fprintf(stderr,
                    "usage: bench_micro [--csv FILE] [--no-callgrind] [--row N]"
                    " | --case NAME --iters N | --mem N"
                    " | --mem-stackful N\n");
            return 2;
        }
    }
#ifndef MICRO_HAVE_CPP20
    puts("(clang++ not found: the C++20 baselines are skipped)");
#endif
    if (callgrind && system("valgrind --version >/dev/null 2>&1") != 0) {
        puts("(valgrind not found: no instruction counts)");
        callgrind = 0;
    }
    run_all(callgrind);
    if (csv)
        fclose(csv);
    return 0;
}
