// Pointers to locals held across suspensions: to a scalar, to an array
// element, to a struct member and to a pointer, written and read on both
// sides of the suspensions, and handed to an awaited coroutine that writes
// through them after it has itself suspended; another task scribbles on
// the C stack meanwhile.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static void scribble(void) {
    for (int i = 0; i < 8; i++) {
        volatile int junk[64];
        for (int j = 0; j < 64; j++)
            junk[j] = -1;
        YC_YIELD();
    }
}

YC_COROUTINE static void fill(int *out, int v) {
    YC_YIELD();
    *out = v;
    YC_YIELD();
}

struct pair {
    int a, b;
};

YC_COROUTINE int main(void) {
    YC_SPAWN(scribble());
    int v = 1;
    int arr[3] = {0, 0, 0};
    struct pair pr = {0, 0};
    int *p = &v, *q = &arr[2], *m = &pr.b;
    int **pp = &p;
    YC_YIELD();
    *p += 10;
    *q = 33;
    *m = 44;
    YC_YIELD();
    **pp += 100;
    YC_AWAIT(fill(&arr[0], 5));
    YC_AWAIT(fill(&pr.a, 6));
    int later;
    YC_AWAIT(fill(&later, 7));
    printf("v=%d arr=%d %d %d pr=%d %d later=%d\n", v, arr[0], arr[1], arr[2],
           pr.a, pr.b, later);
    printf("same=%d %d\n", p == &v, *pp == &v);
    return 0;
}
// CHECK: v=111 arr=5 0 33 pr=6 44 later=7
// CHECK-NEXT: same=1 1
