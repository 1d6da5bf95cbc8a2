// A local that is named only before the suspension in a loop body (for,
// while, do, or a loop made with goto) is still live across it, through
// the loop's back edge, so it keeps its value into the next iteration
// while another task runs and reuses the stack.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static void noise(void) {
    for (int i = 0; i < 20; i++) {
        volatile int junk[16];
        for (int k = 0; k < 16; k++)
            junk[k] = 1000 + k;
        YC_YIELD();
    }
}

YC_COROUTINE int main(void) {
    YC_SPAWN(noise());
    int last = -1;
    for (int i = 0; i < 3; i++) {
        printf("for last=%d\n", last);
        last = i;
        YC_YIELD();
    }

    int prev = -1, n = 0;
again:
    printf("goto prev=%d\n", prev);
    prev = n;
    YC_YIELD();
    if (++n < 3)
        goto again;

    int w = 0, seen = 100;
    while (w < 2) {
        if (w > 0)
            printf("while seen=%d\n", seen);
        seen = w * 10;
        w++;
        YC_YIELD();
    }

    int k = 0, carried = 7;
    do {
        printf("do carried=%d\n", carried);
        carried++;
        YC_YIELD();
    } while (++k < 2);
    return 0;
}
// CHECK: for last=-1
// CHECK-NEXT: for last=0
// CHECK-NEXT: for last=1
// CHECK-NEXT: goto prev=-1
// CHECK-NEXT: goto prev=0
// CHECK-NEXT: goto prev=1
// CHECK-NEXT: while seen=0
// CHECK-NEXT: do carried=7
// CHECK-NEXT: do carried=8
