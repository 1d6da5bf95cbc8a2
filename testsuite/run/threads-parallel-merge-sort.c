// A recursive parallel merge sort: each half of a range longer than the
// cutoff is sorted by a micro-thread started with YC_ASYNC_ANY and joined,
// so that tasks started on a stolen task's thread are stolen in turn.
// The result must equal qsort's, on 1, 2 and 3 threads.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t
// RUN: %run %t 1 | FileCheck %s
// RUN: %run %t 2 | FileCheck %s
// RUN: %run %t 3 | FileCheck %s
// CHECK: sorted 300000: equal to qsort, tasks left 1

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yieldc.h>

#define N 300000
#define CUTOFF 2000

static int cmp(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

YC_COROUTINE static int sort(int *a, int *tmp, size_t n) {
    if (n <= CUTOFF) {
        qsort(a, n, sizeof *a, cmp);
        return 0;
    }
    size_t h = n / 2;
    yc_task *left = YC_ASYNC_ANY(sort(a, tmp, h));
    YC_AWAIT(sort(a + h, tmp + h, n - h));
    int rc = 0;
    YC_AWAIT(yc_task_join(left, &rc, sizeof rc, YC_NO_DEADLINE));
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n)
        tmp[k++] = a[j] < a[i] ? a[j++] : a[i++];
    while (i < h)
        tmp[k++] = a[i++];
    while (j < n)
        tmp[k++] = a[j++];
    memcpy(a, tmp, n * sizeof *a);
    return rc;
}

YC_COROUTINE int main(int argc, char **argv) {
    yc_threads_start((unsigned)atoi(argv[1]));
    int *a = malloc(N * sizeof *a), *b = malloc(N * sizeof *b),
        *tmp = malloc(N * sizeof *tmp);
    unsigned x = 12345;
    for (int i = 0; i < N; i++) {
        x = x * 1103515245u + 12345u;
        a[i] = b[i] = (int)(x >> 1) % 1000000;
    }
    YC_AWAIT(sort(a, tmp, N));
    qsort(b, N, sizeof *b, cmp);
    struct yc_sched_stats st;
    yc_sched_stats(&st);
    printf("sorted %d: %s, tasks left %u\n", N,
           memcmp(a, b, N * sizeof *a) ? "DIFFERENT" : "equal to qsort",
           st.tasks);
    free(a);
    free(b);
    free(tmp);
    return 0;
}
