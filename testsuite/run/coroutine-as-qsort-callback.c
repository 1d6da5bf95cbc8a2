// A coroutine passed as a plain callback to qsort and bsearch from inside a
// coroutine: the C library calls its plain-C wrapper, which runs it (and
// its suspensions) to completion, so the array is sorted as with a plain
// comparator.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <stdlib.h>
#include <yieldc.h>

static int compares;

YC_COROUTINE static int by_value(const void *a, const void *b) {
    compares++;
    YC_YIELD();
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

YC_COROUTINE int main(void) {
    int v[7] = {42, -3, 17, 0, 99, 17, 8};
    qsort(v, 7, sizeof v[0], by_value);
    printf("sorted:");
    for (int i = 0; i < 7; i++)
        printf(" %d", v[i]);
    printf("\n");
    int key = 42;
    YC_YIELD();
    int *hit = bsearch(&key, v, 7, sizeof v[0], by_value);
    printf("found at %d, compared: %d\n", hit ? (int)(hit - v) : -1,
           compares > 0);
    return 0;
}
// CHECK: sorted: -3 0 8 17 17 42 99
// CHECK-NEXT: found at 5, compared: 1
