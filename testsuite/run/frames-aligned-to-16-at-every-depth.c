// A coroutine whose frame holds 16-byte-aligned locals (long doubles,
// their addresses taken across suspensions) keeps them
// aligned whether its frame is a task's root or an awaited frame, which
// keeps its caller in a slot after the struct (yieldc/abi.h): several such
// frames of one size class are alive at once, one after another in the
// pool's chunk, at each depth of a recursion, in tasks that interleave.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdint.h>
#include <stdio.h>
#include <yieldc.h>

static int misaligned, checked;

static void check(const void *p) {
    misaligned += (uintptr_t)p % 16 != 0;
    checked++;
}

YC_COROUTINE static long double deep(int depth) {
    long double pair[2] = {depth, 0};
    long double x = depth * 0.5L;
    long double *b = pair;
    long double *px = &x;
    YC_YIELD();
    check(b);
    check(px);
    if (depth > 0)
        x += YC_AWAIT(deep(depth - 1));
    YC_YIELD();
    check(b);
    check(px);
    return *px + b[1];
}

/* A frame of another size between the aligned ones, in other classes. */
YC_COROUTINE static int small(int n) {
    int k = n;
    YC_YIELD();
    return k;
}

YC_COROUTINE static void worker(int id, long double *out) {
    int s = YC_AWAIT(small(id));
    *out = YC_AWAIT(deep(4)) + s;
}

YC_COROUTINE int main(void) {
    long double out[6];
    yc_task *t[6];
    for (int i = 0; i < 6; i++)
        t[i] = YC_ASYNC(worker(i, &out[i]));
    long double root = YC_AWAIT(deep(3));
    for (int i = 0; i < 6; i++)
        YC_AWAIT(yc_task_join(t[i], NULL, 0, YC_NO_DEADLINE));
    /* deep(d) returns d/2 + deep(d - 1): 0 + 0.5 + 1 + 1.5 (+ 2). */
    int right = root == 3.0L;
    for (int i = 0; i < 6; i++)
        right += out[i] == 5.0L + i;
    printf("checked %d addresses, misaligned %d, results right %d of 7\n",
           checked, misaligned, right);
    // CHECK: checked 136 addresses, misaligned 0, results right 7 of 7
    return 0;
}
