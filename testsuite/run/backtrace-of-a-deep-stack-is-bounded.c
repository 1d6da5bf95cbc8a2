// On a stackful micro-thread, yc_backtrace lists the innermost 64
// coroutine calls of the stack, each at its line, then says that more
// follow instead of walking the whole stack: a report stays bounded, as a
// signal handler's must (report.c print_chain; debugging.md "Stackful
// micro-threads" describes the records). deep() uses alloca, so it takes
// the stackful form under both lowerings and its 71 nested calls run on
// one stack. The innermost call waits at the await of yc_backtrace, the 63
// others listed at their await of deep().
// RUN: %yieldc %s -o %t.c 2>/dev/null && %cc %t.c -o %t -lpthread
// RUN: %run %t | FileCheck %s --match-full-lines

#include <alloca.h>
#include <stdio.h>
#include <unistd.h>
#include <yieldc.h>

// CHECK: yieldc: backtrace of task 1 (main):
YC_COROUTINE static int deep(int n) {
    volatile char *p = alloca(1);
    *p = 0;
    if (n == 0)
        return YC_AWAIT(yc_backtrace(STDOUT_FILENO));
    // CHECK-NEXT:   at deep ({{.*}}backtrace-of-a-deep-stack-is-bounded.c:[[# @LINE - 1]])
    return YC_AWAIT(deep(n - 1)) + *p;
    // CHECK-COUNT-63:   at deep ({{.*}}backtrace-of-a-deep-stack-is-bounded.c:[[# @LINE - 1]])
    // CHECK-NEXT:   ... (more coroutine calls on this stack)
    // CHECK-NOT:   at deep
}

YC_COROUTINE int main(void) {
    fflush(stdout);
    int rc = YC_AWAIT(deep(70));
    fflush(stdout);
    printf("rc %d\n", rc);
    // CHECK: rc 0
    return rc;
}
