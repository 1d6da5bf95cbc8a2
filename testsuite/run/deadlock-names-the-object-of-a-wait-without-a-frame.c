// A task waiting with no frame of the call (an untimed await of a
// channel, an event, a mutex or a semaphore) is reported with the object
// it waits on, found from its link: the same address the program has,
// whether it is first, in the middle or last in the object's queue.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t -lpthread
// RUN: not %run %t 2>&1 | FileCheck %s --match-full-lines

#include <stdio.h>
#include <yieldc.h>

static yc_chan *ch;
static yc_sem sem;
static yc_mutex mu;

YC_COROUTINE static void recv_one(void) {
    int v;
    YC_AWAIT(yc_chan_recv(ch, &v, YC_NO_DEADLINE));
}
YC_COROUTINE static void acquire_one(void) {
    YC_AWAIT(yc_sem_acquire(&sem, YC_NO_DEADLINE));
}
YC_COROUTINE static void lock_one(void) {
    YC_AWAIT(yc_mutex_lock(&mu, YC_NO_DEADLINE));
}

YC_COROUTINE int main(void) {
    yc_chan_create(&ch, sizeof(int), 0);
    printf("chan %p sem %p mutex %p\n", (void *)ch, (void *)&sem, (void *)&mu);
    fflush(stdout);
    // CHECK: chan 0x[[CH:[0-9a-f]+]] sem 0x[[SEM:[0-9a-f]+]] mutex 0x[[MU:[0-9a-f]+]]
    YC_AWAIT(yc_mutex_lock(&mu, YC_NO_DEADLINE));
    for (int i = 0; i < 3; i++) {
        YC_SPAWN(recv_one());
        YC_SPAWN(acquire_one());
        YC_SPAWN(lock_one());
    }
    int v;
    return YC_AWAIT(yc_chan_recv(ch, &v, YC_NO_DEADLINE));
    // CHECK-NEXT: yieldc: deadlock: no micro-thread can run and nothing is pending; 10 tasks are blocked:
    // CHECK-NEXT:   task 1 (main) waits in yc_chan_recv on 0x[[CH]]
    // CHECK-NEXT:     at main ({{.*}}.c:[[# @LINE - 3]])
    // CHECK-NEXT:   task 2 (recv_one) waits in yc_chan_recv on 0x[[CH]]
    // CHECK-NEXT:     at recv_one ({{.*}}.c:17)
    // CHECK-NEXT:   task 3 (acquire_one) waits in yc_sem_acquire on 0x[[SEM]]
    // CHECK-NEXT:     at acquire_one ({{.*}}.c:20)
    // CHECK-NEXT:   task 4 (lock_one) waits in yc_mutex_lock on 0x[[MU]]
    // CHECK-NEXT:     at lock_one ({{.*}}.c:23)
    // CHECK-NEXT:   task 5 (recv_one) waits in yc_chan_recv on 0x[[CH]]
    // CHECK-NEXT:     at recv_one ({{.*}}.c:17)
    // CHECK-NEXT:   task 6 (acquire_one) waits in yc_sem_acquire on 0x[[SEM]]
    // CHECK-NEXT:     at acquire_one ({{.*}}.c:20)
    // CHECK-NEXT:   task 7 (lock_one) waits in yc_mutex_lock on 0x[[MU]]
    // CHECK-NEXT:     at lock_one ({{.*}}.c:23)
    // CHECK-NEXT:   task 8 (recv_one) waits in yc_chan_recv on 0x[[CH]]
    // CHECK-NEXT:     at recv_one ({{.*}}.c:17)
    // CHECK-NEXT:   task 9 (acquire_one) waits in yc_sem_acquire on 0x[[SEM]]
    // CHECK-NEXT:     at acquire_one ({{.*}}.c:20)
    // CHECK-NEXT:   task 10 (lock_one) waits in yc_mutex_lock on 0x[[MU]]
    // CHECK-NEXT:     at lock_one ({{.*}}.c:23)
    // CHECK-NOT: {{.}}
}
