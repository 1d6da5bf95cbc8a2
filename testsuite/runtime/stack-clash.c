// A stackful micro-thread whose function declares a local larger than
// what is left of its stack cannot reach past its guard into another
// micro-thread's stack: an 80,000-byte local on a 64 KiB stack lands in
// the 1 MiB guard; a 4 MiB local, larger than the guard, is probed page
// by page from the top (-fstack-clash-protection, which %cc passes as
// yieldc-cc does), so its first touch below the stack is in the guard
// too. Either way the overflow message names the micro-thread, and the
// neighbour's stack is untouched.
// REQUIRES: stack-clash
// RUN: %cc %s -o %t
// RUN: not --crash %run %t 80000 2>&1 | FileCheck %s
// RUN: not --crash %run %t 4194304 2>&1 | FileCheck %s

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yieldc.h>

static size_t local_bytes;

/* Plain C functions with huge arrays, written from their lowest byte. */
static __attribute__((noinline)) int frame_80k(void) {
    volatile char big[80000];
    big[0] = 1;
    return big[0];
}

static __attribute__((noinline)) int frame_4m(void) {
    volatile char big[4 << 20];
    big[0] = 1;
    return big[0];
}

static void *deep(void *arg) {
    (void)arg;
    fprintf(stderr, "deep frame of %zu bytes\n", local_bytes);
    int r = local_bytes > 80000 ? frame_4m() : frame_80k();
    fprintf(stderr, "not reached %d\n", r);
    return NULL;
}

/* Its stack sits next to deep's; it checks a pattern after deep ran. */
static void *neighbour(void *arg) {
    char mark[256];
    memset(mark, 0x5a, sizeof mark);
    yc_yield();
    for (size_t i = 0; i < sizeof mark; i++)
        if (mark[i] != 0x5a)
            fprintf(stderr, "neighbour's stack overwritten\n");
    return arg;
}

int main(int argc, char **argv) {
    local_bytes = argc > 1 ? strtoul(argv[1], NULL, 10) : 80000;
    yc_task *n = yc_go(neighbour, NULL, 65536);
    yc_task *t = yc_go(deep, NULL, 65536);
    yc_task_join(t, NULL, 0, YC_NO_DEADLINE);
    yc_task_join(n, NULL, 0, YC_NO_DEADLINE);
    fprintf(stderr, "not reached\n");
    return 0;
}
// CHECK: deep frame of
// CHECK: yieldc: stack overflow in micro-thread {{[0-9]+}} (stack of 65536 bytes); give it a larger stack
// CHECK-NOT: not reached
// CHECK-NOT: overwritten
