// Naming a coroutine without calling it, as the comparator handed to
// qsort, stays as written: it names the coroutine's plain-C wrapper, which
// keeps the original prototype and runs the coroutine to completion, so
// the C library can call it.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <stdlib.h>
#include <yieldc.h>

YC_COROUTINE static int by_value(const void *a, const void *b) {
    YC_YIELD();
    return *(const int *)a - *(const int *)b;
}
// CHECK: {{^}}YC_COROUTINE static int by_value(const void *a, const void *b) {
// CHECK: {{^}}    struct yc__sched *yc__s = yc__sched_get();
// CHECK: {{^}}    yc__cf = yc__by_value_start(yc__s, yc__sync_caller(yc__s), a, b);
// CHECK: {{^}}    yc__run_sync(yc__s, yc__cf);

YC_COROUTINE int sort(int *v, int n) {
    YC_YIELD();
    qsort(v, (size_t)n, sizeof *v, by_value);
    // CHECK: {{^ *}}qsort(v, (size_t)n, sizeof *v, by_value);
    return v[0];
}
