// yc_backtrace awaited through a function pointer, like any coroutine
// (its plain wrapper sees the await request, abi.h), is the awaited form:
// it sees the whole chain, innermost first, each coroutine at the line it
// waits at and the innermost at the line of the await (debugging.md).
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t -lpthread
// RUN: %run %t | FileCheck %s --match-full-lines

#include <stdio.h>
#include <unistd.h>
#include <yieldc.h>

static int (*backtrace_to)(int fd) = yc_backtrace;

// CHECK: yieldc: backtrace of task 1 (main):
YC_COROUTINE static int inner(void) {
    int rc = YC_AWAIT(backtrace_to(STDOUT_FILENO));
    // CHECK-NEXT:   at inner ({{.*}}backtrace-awaited-through-a-pointer.c:[[# @LINE - 1]])
    fflush(stdout);
    printf("rc %d\n", rc);
    return rc;
}

YC_COROUTINE static int outer(void) {
    YC_YIELD();
    return YC_AWAIT(inner());
    // CHECK-NEXT:   at outer ({{.*}}backtrace-awaited-through-a-pointer.c:[[# @LINE - 1]])
}

YC_COROUTINE int main(void) {
    fflush(stdout);
    return YC_AWAIT(outer());
    // CHECK-NEXT:   at main ({{.*}}backtrace-awaited-through-a-pointer.c:[[# @LINE - 1]])
    // CHECK-NEXT: rc 0
    // CHECK-NOT: {{.}}
}
