// The example of docs/runtime/threads.md, with 2,000 pieces instead of
// 100,000: started with YC_ASYNC_ANY on one thread per CPU, joined
// through a group; the total must equal the same sum computed in plain C.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t
// RUN: %run %t | FileCheck %s
// RUN: env YC_THREADS=2 %run %t | FileCheck %s
// CHECK: group 0, total ok

#include <stdatomic.h>
#include <stdio.h>
#include <yieldc.h>

#define PIECES 2000

static atomic_ulong total;

static unsigned long work(unsigned long i) {
    unsigned long x = i;
    for (int k = 0; k < 6000; k++)
        x = x * 6364136223846793005ul + 1442695040888963407ul;
    return x & 0xffff;
}

YC_COROUTINE static int piece(unsigned long i) {
    atomic_fetch_add(&total, work(i));
    return 0;
}

YC_COROUTINE int main(void) {
    yc_threads_start(0); /* one per CPU */
    yc_group g;
    yc_group_init(&g, 0);
    for (unsigned long i = 0; i < PIECES; i++)
        yc_group_add(&g, YC_ASYNC_ANY(piece(i)));
    int rc = YC_AWAIT(yc_group_wait(&g, YC_NO_DEADLINE));
    unsigned long expect = 0;
    for (unsigned long i = 0; i < PIECES; i++)
        expect += work(i);
    printf("group %d, total %s\n", rc,
           atomic_load(&total) == expect ? "ok" : "WRONG");
    return rc;
}
