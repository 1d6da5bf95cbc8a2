// YC_AWAIT in a while condition is awaited before every iteration and once
// more when it ends the loop; `continue` goes back to the awaited condition
// and `break` leaves without it. Sums equal a plain C reference loop.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

static int calls;

/* Returns the next element of the list at *pos, or -1 at its end. */
YC_COROUTINE static int next(const int *list, int *pos) {
    calls++;
    YC_YIELD();
    return list[*pos] < 0 ? -1 : list[(*pos)++];
}

static int next_ref(const int *list, int *pos) {
    return list[*pos] < 0 ? -1 : list[(*pos)++];
}

YC_COROUTINE int main(void) {
    int list[8] = {3, 4, 5, 6, 7, 8, 9, -1};
    int pos = 0, sum = 0, v;
    while ((v = YC_AWAIT(next(list, &pos))) >= 0) {
        if (v % 2)
            continue;
        sum += v;
    }
    int rpos = 0, rsum = 0;
    while ((v = next_ref(list, &rpos)) >= 0) {
        if (v % 2)
            continue;
        rsum += v;
    }
    printf("even sum %d ref %d calls=%d\n", sum, rsum, calls);

    calls = 0;
    pos = 0;
    sum = 0;
    while (YC_AWAIT(next(list, &pos)) != -1) {
        if (pos == 4)
            break;
        sum += pos;
    }
    printf("break sum=%d pos=%d calls=%d\n", sum, pos, calls);

    calls = 0;
    pos = 7;
    while (YC_AWAIT(next(list, &pos)) >= 0)
        sum = -1000;
    printf("never entered sum=%d calls=%d\n", sum, calls);
    return 0;
}
// CHECK: even sum 18 ref 18 calls=8
// CHECK-NEXT: break sum=6 pos=4 calls=4
// CHECK-NEXT: never entered sum=6 calls=1
