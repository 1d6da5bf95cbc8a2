// A program of four files: coroutines defined in one translated file and
// declared YC_COROUTINE in a header are awaited from another translated
// file, directly and through a table of coroutine pointers dispatched by
// index, and a plain C file (not translated) calls one through its ordinary
// prototype and passes a coroutine as a plain callback to qsort.
// RUN: rm -rf %t && split-file %s %t
// RUN: %yieldc %t/store.c -o %t/store.yc.c -- -I%t
// RUN: %yieldc %t/main.c -o %t/main.yc.c -- -I%t
// RUN: %cc -I%t %t/store.yc.c %t/main.yc.c %t/plain.c -o %t/prog
// RUN: %run %t/prog | FileCheck %s
// CHECK: get(2) = 20
// CHECK-NEXT: handler 0: 7
// CHECK-NEXT: handler 1: 14
// CHECK-NEXT: plain total = 60
// CHECK-NEXT: sorted: 1 2 3

//--- store.h
#include <yieldc.h>
YC_COROUTINE int store_get(int key);
YC_COROUTINE int store_double(int x);
YC_COROUTINE int store_compare(const void *a, const void *b);
int plain_total(void);
void plain_sort(int *v, int n);

typedef YC_COROUTINE int (*handler)(int x);
extern const handler handlers[2];

//--- store.c
#include "store.h"

YC_COROUTINE int store_get(int key) {
    YC_YIELD();
    return key * 10;
}

YC_COROUTINE static int identity(int x) {
    YC_YIELD();
    return x;
}

YC_COROUTINE int store_double(int x) {
    int v = YC_AWAIT(identity(x));
    return 2 * v;
}

const handler handlers[2] = {identity, store_double};

/* A comparator that suspends: qsort calls it through its plain wrapper. */
YC_COROUTINE int store_compare(const void *a, const void *b) {
    YC_YIELD();
    return *(const int *)a - *(const int *)b;
}

//--- main.c
#include <stdio.h>
#include "store.h"

YC_COROUTINE int main(void) {
    printf("get(2) = %d\n", YC_AWAIT(store_get(2)));
    for (int i = 0; i < 2; i++)
        printf("handler %d: %d\n", i, YC_AWAIT(handlers[i](7)));
    printf("plain total = %d\n", plain_total());
    int v[3] = {3, 1, 2};
    plain_sort(v, 3);
    printf("sorted: %d %d %d\n", v[0], v[1], v[2]);
    return 0;
}

//--- plain.c
/* Plain C, compiled without translation: coroutines are ordinary
   functions here. */
#include <stdlib.h>
#include "store.h"

int plain_total(void) {
    return store_get(1) + store_get(5);
}

void plain_sort(int *v, int n) {
    qsort(v, (size_t)n, sizeof *v, store_compare);
}
