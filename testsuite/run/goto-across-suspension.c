// goto jumps backwards over a suspension (a loop made of a label) and
// forwards past code to a label followed by a suspension; a spawned ticker
// shows that every YC_YIELD on the way really suspends.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static void ticker(int k) {
    for (int i = 0; i < k; i++) {
        printf("tick %d\n", i);
        YC_YIELD();
    }
}

YC_COROUTINE int main(void) {
    int n = 0;
    YC_SPAWN(ticker(3));
again:
    YC_YIELD();
    n++;
    if (n < 3)
        goto again;
    printf("n=%d\n", n);
    goto done;
    printf("skipped\n");
done:
    YC_YIELD();
    printf("done n=%d\n", n);
    return 0;
}
// CHECK: tick 0
// CHECK-NEXT: tick 1
// CHECK-NEXT: tick 2
// CHECK-NEXT: n=3
// CHECK-NEXT: done n=3
// CHECK-NOT: skipped
