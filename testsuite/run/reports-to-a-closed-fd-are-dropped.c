// yc_backtrace and yc_sched_dump, called as plain functions, write to an
// fd that cannot take the text (here one that is closed) without failing:
// write errors are ignored, both return 0 and errno is kept for the
// interrupted code (yieldc.h, debugging.md "From a signal handler").
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t -lpthread
// RUN: %run %t | FileCheck %s

#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include <yieldc.h>

static void report_to(int fd) {
    errno = ERANGE;
    int rc = yc_backtrace(fd);
    printf("yc_backtrace: %d, errno kept %d\n", rc, errno == ERANGE);
    errno = ERANGE;
    rc = yc_sched_dump(fd);
    printf("yc_sched_dump: %d, errno kept %d\n", rc, errno == ERANGE);
}

YC_COROUTINE static void other(void) { YC_YIELD(); }

YC_COROUTINE int main(void) {
    int fd = dup(STDOUT_FILENO);
    if (fd < 0 || close(fd) != 0)
        return 1;
    YC_SPAWN(other());
    report_to(fd); /* fd is closed now */
    // CHECK: yc_backtrace: 0, errno kept 1
    // CHECK-NEXT: yc_sched_dump: 0, errno kept 1
    // CHECK-NOT: {{.}}
    return 0;
}
