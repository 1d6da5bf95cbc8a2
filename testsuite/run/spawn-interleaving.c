// YC_SPAWN queues a new task at the back of the run queue and goes on; the
// task first runs when the spawner suspends, and YC_YIELD puts the current
// task at the back, so spawned tasks and main take turns in FIFO order.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static void worker(char name, int steps) {
    for (int i = 0; i < steps; i++) {
        printf("%c%d\n", name, i);
        YC_YIELD();
    }
    printf("%c done\n", name);
}

YC_COROUTINE int main(void) {
    YC_SPAWN(worker('a', 2));
    YC_SPAWN(worker('b', 3));
    printf("main spawned\n");
    for (int i = 0; i < 5; i++)
        YC_YIELD();
    printf("main done\n");
    return 0;
}
// CHECK: main spawned
// CHECK-NEXT: a0
// CHECK-NEXT: b0
// CHECK-NEXT: a1
// CHECK-NEXT: b1
// CHECK-NEXT: a done
// CHECK-NEXT: b2
// CHECK-NEXT: b done
// CHECK-NEXT: main done
