// A program may return from main while micro-threads still wait with no
// frame of the call: on a channel (each holding a pooled link), in a
// sleep (a pooled timer) or on an event. The exit report lists each, and
// the runtime frees what they hold without touching the objects they wait
// on: AddressSanitizer's and Valgrind's leak checks find nothing lost.
// (The channel cannot be freed while it is waited on: it is the program's
// to free, and stays reachable.)
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t 2>&1 | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

static yc_chan *ch;
static yc_event never;

YC_COROUTINE static void receiver(void) {
    int v;
    YC_AWAIT(yc_chan_recv(ch, &v, YC_NO_DEADLINE));
}
YC_COROUTINE static void sleeper(int64_t ns) {
    YC_AWAIT(yc_sleep_for(ns));
}
YC_COROUTINE static void waiter(void) {
    YC_AWAIT(yc_event_wait(&never, YC_NO_DEADLINE));
}

YC_COROUTINE int main(void) {
    yc_debug_report(1);
    yc_chan_create(&ch, sizeof(int), 0);
    YC_SPAWN(receiver());
    YC_SPAWN(sleeper(3600 * YC_SEC));
    YC_SPAWN(sleeper(-1));
    YC_SPAWN(waiter());
    YC_YIELD();
    printf("freeing the channel: %s\n", yc_err_name(yc_chan_free(ch)));
    fflush(stdout);
    return 0;
}
// CHECK: freeing the channel: YC_EBUSY
// CHECK-NEXT: yieldc: at exit: never resumed: task 2 (receiver) waits in yc_chan_recv on 0x{{[0-9a-f]+}}
// CHECK-NEXT:   at receiver ({{.*}}.c:18)
// CHECK-NEXT: yieldc: at exit: never resumed: task 3 (sleeper) waits in yc_sleep_for, {{[0-9]+}} ms left
// CHECK-NEXT:   at sleeper ({{.*}}.c:21)
// CHECK-NEXT: yieldc: at exit: never resumed: task 4 (sleeper) waits in yc_sleep_for
// CHECK-NEXT:   at sleeper ({{.*}}.c:21)
// CHECK-NEXT: yieldc: at exit: never resumed: task 5 (waiter) waits in yc_event_wait on 0x{{[0-9a-f]+}}
// CHECK-NEXT:   at waiter ({{.*}}.c:24)
// CHECK-NOT: {{.}}
