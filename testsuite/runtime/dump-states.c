// yc_sched_dump names each state a task can be in: finished and not yet
// joined, waiting for an fd, waiting in a relock that ignores cancellation
// (yc_cond_wait's, after the signal), ready; yc_backtrace from plain C with
// no micro-thread running says so.
// UNSUPPORTED: stackful
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t
// RUN: %run %t | FileCheck %s

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <yieldc.h>

static yc_mutex m;
static yc_cond c;

YC_COROUTINE static int quick(void) { return 1; }

YC_COROUTINE static void reads(int fd) {
    char b;
    YC_AWAIT(yc_read(fd, &b, 1, YC_NO_DEADLINE));
}

YC_COROUTINE static void waits_for_signal(void) {
    YC_AWAIT(yc_mutex_lock(&m, YC_NO_DEADLINE));
    YC_AWAIT(yc_cond_wait(&c, &m, YC_NO_DEADLINE));
    yc_mutex_unlock(&m);
}

static void after_main(void) {
    yc_backtrace(STDOUT_FILENO); /* no micro-thread runs any more */
}

YC_COROUTINE int main(void) {
    atexit(after_main);
    yc_mutex_init(&m);
    yc_cond_init(&c);
    int p[2];
    if (pipe(p))
        return 1;
    yc_task *done = YC_ASYNC(quick());
    yc_task *rd = YC_ASYNC(reads(p[0]));
    yc_task *cw = YC_ASYNC(waits_for_signal());
    YC_YIELD(); /* quick finishes, reads and waits_for_signal wait */
    YC_AWAIT(yc_mutex_lock(&m, YC_NO_DEADLINE));
    yc_cond_signal(&c); /* it now waits to relock m, which main holds */
    YC_YIELD();
    fflush(stdout);
    yc_sched_dump(STDOUT_FILENO);
    yc_mutex_unlock(&m);
    if (write(p[1], "x", 1) != 1)
        return 1;
    int r;
    YC_AWAIT(yc_task_join(done, &r, sizeof r, YC_NO_DEADLINE));
    YC_AWAIT(yc_task_join(rd, NULL, 0, YC_NO_DEADLINE));
    YC_AWAIT(yc_task_join(cw, NULL, 0, YC_NO_DEADLINE));
    yc_close(p[0]);
    close(p[1]);
    return 0;
}
// CHECK-DAG: task {{[0-9]+}} (quick) has finished and is not yet joined
// CHECK-DAG: task {{[0-9]+}} (reads) waits in yc_read on fd {{[0-9]+}}
// CHECK-DAG: task {{[0-9]+}} (waits_for_signal) waits in yc_cond_wait on {{.*}} (not cancellable)
// CHECK: yieldc: backtrace: no micro-thread is running
