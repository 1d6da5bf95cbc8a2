/* threads_bench.c - row 11 of the benchmarks: micro-threads on every
   core (issue 14). One case per run, on the number of threads given:

       threads_bench CASE THREADS N

   parallel   N micro-threads of about 10 microseconds of arithmetic
              each, started with YC_ASYNC_ANY into one group
   msort      a parallel merge sort of N ints (YC_ASYNC_ANY + join)
   spawn      N micro-threads that do nothing, started with YC_SPAWN_ANY
              and counted down to a shared event (Go: go + WaitGroup)
   spawnhere  the same with YC_SPAWN, on this thread only
   pingpong   N round trips over two shared rendezvous channels between
              a micro-thread on thread 0 and one on thread 1

   It prints the elapsed nanoseconds and a check value; bench/go/threads.go
   does the same in Go, and threads_bench.py runs both. */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <yieldc.h>

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* About 10 microseconds of integer work on this machine (a chain of
   dependent multiply-adds the compiler cannot fold). Go runs the same. */
#define WORK_STEPS 6000
static unsigned long work(unsigned long x) {
    for (int i = 0; i < WORK_STEPS; i++)
        x = x * 6364136223846793005ul + 1442695040888963407ul;
    return x;
}

static atomic_ulong checksum;

YC_COROUTINE static int chunk(unsigned long i) {
    atomic_fetch_add_explicit(&checksum, work(i) & 0xffff,
                              memory_order_relaxed);
    return 0;
}

YC_COROUTINE static void parallel(long n) {
    yc_group g;
    yc_group_init(&g, 0);
    for (long i = 0; i < n; i++)
        yc_group_add(&g, YC_ASYNC_ANY(chunk((unsigned long)i)));
    YC_AWAIT(yc_group_wait(&g, YC_NO_DEADLINE));
}

#define CUTOFF 4096

static int cmp(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

YC_COROUTINE static int msort(int *a, int *tmp, long n) {
    if (n <= CUTOFF) {
        qsort(a, (size_t)n, sizeof *a, cmp);
        return 0;
    }
    long h = n / 2;
    yc_task *left = YC_ASYNC_ANY(msort(a, tmp, h));
    YC_AWAIT(msort(a + h, tmp + h, n - h));
    YC_AWAIT(yc_task_join(left, NULL, 0, YC_NO_DEADLINE));
    long i = 0, j = h, k = 0;
    while (i < h && j < n)
        tmp[k++] = a[j] < a[i] ? a[j++] : a[i++];
    while (i < h)
        tmp[k++] = a[i++];
    while (j < n)
        tmp[k++] = a[j++];
    memcpy(a, tmp, (size_t)n * sizeof *a);
    return 0;
}

static atomic_long left_to_run;
static yc_event all_done;

YC_COROUTINE static void one(void) {
    if (atomic_fetch_sub_explicit(&left_to_run, 1, memory_order_acq_rel) == 1)
        yc_event_set(&all_done);
}

YC_COROUTINE static void spawn(long n, int anywhere) {
    yc_event_init_shared(&all_done, 0);
    atomic_store(&left_to_run, n);
    for (long i = 0; i < n; i++) {
        if (anywhere)
            YC_SPAWN_ANY(one());
        else
            YC_SPAWN(one());
    }
    YC_AWAIT(yc_event_wait(&all_done, YC_NO_DEADLINE));
}

YC_COROUTINE static int ponger(yc_chan *ping, yc_chan *pong) {
    long v;
    while (YC_AWAIT(yc_chan_recv(ping, &v, YC_NO_DEADLINE)) == 0) {
        v++;
        YC_AWAIT(yc_chan_send(pong, &v, YC_NO_DEADLINE));
    }
    return 0;
}

YC_COROUTINE static long pingpong(long n) {
    yc_chan *ping, *pong;
    yc_chan_create_shared(&ping, sizeof(long), 0);
    yc_chan_create_shared(&pong, sizeof(long), 0);
    yc_task *t = YC_ASYNC_ON(yc_threads_count() > 1 ? 1 : 0, ponger(ping, pong));
    long v = 0;
    for (long i = 0; i < n; i++) {
        YC_AWAIT(yc_chan_send(ping, &v, YC_NO_DEADLINE));
        YC_AWAIT(yc_chan_recv(pong, &v, YC_NO_DEADLINE));
    }
    yc_chan_close(ping);
    YC_AWAIT(yc_task_join(t, NULL, 0, YC_NO_DEADLINE));
    yc_chan_free(ping);
    yc_chan_free(pong);
    return v;
}

YC_COROUTINE int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: threads_bench CASE THREADS N\n");
        return 2;
    }
    const char *c = argv[1];
    long n = atol(argv[3]);
    yc_threads_start((unsigned)atoi(argv[2]));
    long check = 0;
    int *a = NULL, *tmp = NULL;
    if (!strcmp(c, "msort")) {
        a = malloc((size_t)n * sizeof *a);
        tmp = malloc((size_t)n * sizeof *tmp);
        unsigned x = 12345;
        for (long i = 0; i < n; i++) {
            x = x * 1103515245u + 12345u;
            a[i] = (int)(x >> 1);
        }
    }
    int64_t t0 = now_ns();
    if (!strcmp(c, "parallel")) {
        YC_AWAIT(parallel(n));
        check = (long)atomic_load(&checksum);
    } else if (!strcmp(c, "msort")) {
        YC_AWAIT(msort(a, tmp, n));
        for (long i = 1; i < n; i++)
            check += a[i - 1] > a[i];
    } else if (!strcmp(c, "spawn") || !strcmp(c, "spawnhere")) {
        YC_AWAIT(spawn(n, !strcmp(c, "spawn")));
        check = atomic_load(&left_to_run);
    } else if (!strcmp(c, "pingpong")) {
        check = YC_AWAIT(pingpong(n));
    } else {
        fprintf(stderr, "threads_bench: no case %s\n", c);
        return 2;
    }
    int64_t t1 = now_ns();
    printf("%lld %ld\n", (long long)(t1 - t0), check);
    free(a);
    free(tmp);
    return 0;
}
