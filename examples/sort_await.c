/* sort_await.c - unmodified library code that suspends: the C library's
   qsort runs on stackful micro-threads, and its comparator awaits a
   coroutine (think: a comparison that needs a lookup over the network).
   Each comparison suspends the whole qsort call stack, so two sorts and a
   stackless progress task interleave on one OS thread. */
#include <stdio.h>
#include <stdlib.h>
#include <yieldc.h>

static int comparisons;

/* A slow comparison: yields to the other micro-threads before answering. */
YC_COROUTINE static int compare_slowly(int a, int b) {
    YC_YIELD();
    comparisons++;
    return (a > b) - (a < b);
}

/* A plain C comparator, as qsort wants it. Calling a coroutine through its
   plain prototype suspends the stackful micro-thread it runs on. */
static int by_value(const void *a, const void *b) {
    return compare_slowly(*(const int *)a, *(const int *)b);
}

static void *sort(void *arg) {
    int *v = arg;
    qsort(v, 8, sizeof *v, by_value);
    return NULL;
}

YC_COROUTINE static void progress(void) {
    for (int i = 1; i <= 3; i++) {
        printf("progress: %d comparisons so far\n", comparisons);
        for (int k = 0; k < 10; k++)
            YC_YIELD();
    }
}

YC_COROUTINE int main(void) {
    int a[8] = {5, 3, 8, 1, 9, 2, 7, 4};
    int b[8] = {80, 10, 60, 30, 70, 20, 50, 40};
    yc_task *ta = yc_go(sort, a, 0), *tb = yc_go(sort, b, 0);
    YC_SPAWN(progress());
    YC_AWAIT(yc_task_join(ta, NULL, 0, -1));
    YC_AWAIT(yc_task_join(tb, NULL, 0, -1));
    for (int i = 0; i < 8; i++)
        printf("%d %d\n", a[i], b[i]);
    printf("%d comparisons\n", comparisons);
    return 0;
}
