// Suspensions inside the cases of a switch resume in the right case, and
// fall-through, break and default behave as in C across the resume.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static int classify(int v) {
    int r = 0;
    switch (v) {
    case 0:
        YC_YIELD();
        r = 100;
        break;
    case 1:
        r = 1;
        YC_YIELD();
        /* fall through */
    case 2:
        r += 20;
        YC_YIELD();
        break;
    default:
        YC_YIELD();
        r = -1;
    }
    return r;
}

YC_COROUTINE int main(void) {
    for (int v = 0; v < 4; v++) {
        int r = YC_AWAIT(classify(v));
        printf("%d -> %d\n", v, r);
    }
    return 0;
}
// CHECK: 0 -> 100
// CHECK-NEXT: 1 -> 21
// CHECK-NEXT: 2 -> 20
// CHECK-NEXT: 3 -> -1
