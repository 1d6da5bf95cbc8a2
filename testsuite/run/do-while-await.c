// A do-while loop whose body awaits runs at least once and tests its
// condition after each resume; a do body that is a single YC_YIELD() or
// YC_AWAIT statement without braces works too.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static int next(int *state) {
    YC_YIELD();
    return (*state)++;
}

YC_COROUTINE static void bump(int *counter) {
    YC_YIELD();
    ++*counter;
}

YC_COROUTINE int main(void) {
    int st = 5;
    int v;
    int count = 0;
    do {
        v = YC_AWAIT(next(&st));
        count++;
        printf("v=%d\n", v);
    } while (v < 7);
    printf("count=%d st=%d\n", count, st);

    do
        YC_YIELD();
    while (--count);
    printf("count=%d\n", count);

    int bumps = 0;
    do
        YC_AWAIT(bump(&bumps));
    while (bumps < 3);
    printf("bumps=%d\n", bumps);

    int once = 0;
    do {
        once++;
        YC_YIELD();
    } while (0);
    printf("once=%d\n", once);
    return 0;
}
// CHECK: v=5
// CHECK-NEXT: v=6
// CHECK-NEXT: v=7
// CHECK-NEXT: count=3 st=8
// CHECK-NEXT: count=0
// CHECK-NEXT: bumps=3
// CHECK-NEXT: once=1
