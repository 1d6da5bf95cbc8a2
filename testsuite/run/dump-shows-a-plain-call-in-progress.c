// A task whose code called a coroutine from plain C is shown by
// yc_sched_dump as "is running a plain call (task N)", N being the task
// that runs the call (debugging.md "From a signal handler"), while that
// call is suspended and other tasks run. main and dumper, which have not
// suspended, are at the lines of their definitions; the call's own task
// is listed too, ready at the yield it waits at.
// Under the stackful lowering main runs on a stack of its own and the
// plain call suspends that stack instead: there is no plain-call task.
// UNSUPPORTED: stackful
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t -lpthread
// RUN: %run %t | FileCheck %s --match-full-lines

#include <stdio.h>
#include <unistd.h>
#include <yieldc.h>

YC_COROUTINE static int slow(void);
YC_COROUTINE static void dumper(void);

static int plain_helper(void) { return slow(); }

// CHECK: yieldc: 3 micro-threads
// CHECK-NEXT: task 1 (main) is running a plain call (task 3)
YC_COROUTINE int main(void) {
    YC_SPAWN(dumper());
    int r = plain_helper(); /* dumper runs while slow() is suspended */
    printf("plain call returned %d\n", r);
    return 0;
}
// CHECK-NEXT:   at main ({{.*}}dump-shows-a-plain-call-in-progress.c:[[# @LINE - 6]])
// CHECK-NEXT: task 2 (dumper) is running

YC_COROUTINE static void dumper(void) {
    fflush(stdout);
    yc_sched_dump(STDOUT_FILENO);
}
// CHECK-NEXT:   at dumper ({{.*}}dump-shows-a-plain-call-in-progress.c:[[# @LINE - 4]])
// CHECK-NEXT: task 3 (slow) is ready

YC_COROUTINE static int slow(void) {
    YC_YIELD();
    // CHECK-NEXT:   at slow ({{.*}}dump-shows-a-plain-call-in-progress.c:[[# @LINE - 1]])
    return 5;
}
// CHECK-NEXT: plain call returned 5
// CHECK-NOT: {{.}}
