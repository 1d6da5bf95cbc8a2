// Static locals of a coroutine stay static: initialized once (also a static
// array and a static pointer to another static), shared by every call and
// by concurrent tasks (which take turns in FIFO order), and their values
// survive the suspensions of the calls that update them.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

static int done;

YC_COROUTINE static int next_id(void) {
    static int counter = 100;
    static int hist[4] = {1, 2};
    static int *last = &hist[1];
    int mine = ++counter;
    YC_YIELD();
    hist[mine % 4] += mine;
    last = &hist[mine % 4];
    return mine * 1000 + *last;
}

YC_COROUTINE static void worker(void) {
    for (int i = 0; i < 2; i++)
        printf("worker %d\n", YC_AWAIT(next_id()));
    done++;
}

YC_COROUTINE int main(void) {
    printf("first %d\n", YC_AWAIT(next_id()));
    printf("second %d\n", YC_AWAIT(next_id()));
    YC_SPAWN(worker());
    YC_SPAWN(worker());
    while (done < 2)
        YC_YIELD();
    printf("last %d\n", YC_AWAIT(next_id()));
    return 0;
}
// CHECK: first 101103
// CHECK-NEXT: second 102102
// CHECK-NEXT: worker 103103
// CHECK-NEXT: worker 104105
// CHECK-NEXT: worker 105208
// CHECK-NEXT: worker 106208
// CHECK-NEXT: last 107210
