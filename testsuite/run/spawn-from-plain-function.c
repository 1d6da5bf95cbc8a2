// YC_SPAWN works in plain C functions too: the tasks are queued and run
// while plain C waits in a call of a coroutine that suspends.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static void worker(int id) {
    printf("worker %d start\n", id);
    YC_YIELD();
    printf("worker %d end\n", id);
}

YC_COROUTINE static int pause_n(int n) {
    for (int i = 0; i < n; i++)
        YC_YIELD();
    return n;
}

static void start_all(void) {
    YC_SPAWN(worker(1));
    YC_SPAWN(worker(2));
    printf("spawned\n");
}

int main(void) {
    start_all();
    printf("after start_all\n");
    int n = pause_n(2);
    printf("paused %d\n", n);
    return 0;
}
// CHECK: spawned
// CHECK-NEXT: after start_all
// CHECK-NEXT: worker 1 start
// CHECK-NEXT: worker 2 start
// CHECK-NEXT: worker 1 end
// CHECK-NEXT: worker 2 end
// CHECK-NEXT: paused 2
