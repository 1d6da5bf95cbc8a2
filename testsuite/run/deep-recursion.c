// Recursion 20,000 awaits deep, which plain C runs on the main thread's
// 8 MiB stack: the state machine recurses through step functions on the
// scheduler's stack, and the stackful form has a stack as large as the
// main thread's by default.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static long depth(int n) {
    char pad[64]; /* a frame of a realistic size */
    pad[n % 64] = (char)n;
    if (n == 0)
        return 0;
    return YC_AWAIT(depth(n - 1)) + 1 + (pad[n % 64] == (char)n ? 0 : 1000);
}

YC_COROUTINE int main(void) {
    printf("%ld\n", YC_AWAIT(depth(20000)));
    // CHECK: 20000
    return 0;
}
