// YC_AWAIT in a do-while condition: the body runs before the first await,
// `continue` jumps to the awaited condition (it is not skipped), and `break`
// leaves without awaiting it. Counts equal a plain C reference loop.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

static int calls;

YC_COROUTINE static int below(int i, int n) {
    calls++;
    YC_YIELD();
    return i < n;
}

static int below_ref(int i, int n) {
    calls++;
    return i < n;
}

YC_COROUTINE int main(void) {
    int i = 0, body = 0;
    do {
        body++;
        i++;
        if (i % 3 == 0)
            continue;
        body += 100;
    } while (YC_AWAIT(below(i, 7)));
    printf("body=%d i=%d calls=%d\n", body, i, calls);

    int ri = 0, rbody = 0;
    calls = 0;
    do {
        rbody++;
        ri++;
        if (ri % 3 == 0)
            continue;
        rbody += 100;
    } while (below_ref(ri, 7));
    printf("ref body=%d i=%d calls=%d\n", rbody, ri, calls);

    calls = 0;
    i = 0;
    do {
        if (++i == 4)
            break;
    } while (YC_AWAIT(below(i, 100)));
    printf("break i=%d calls=%d\n", i, calls);

    calls = 0;
    i = 50;
    do
        i++;
    while (YC_AWAIT(below(i, 10)));
    printf("once i=%d calls=%d\n", i, calls);
    return 0;
}
// CHECK: body=507 i=7 calls=7
// CHECK-NEXT: ref body=507 i=7 calls=7
// CHECK-NEXT: break i=4 calls=3
// CHECK-NEXT: once i=51 calls=1
