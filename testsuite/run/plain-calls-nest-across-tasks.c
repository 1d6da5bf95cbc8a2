// Micro-threads that call coroutines from plain C at the same time: each
// such call blocks its own micro-thread and runs the others until its
// coroutine finishes, so the calls nest; every one completes, whichever
// finishes first, and the results are right.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static int nap(int ms) {
    YC_AWAIT(yc_sleep_for(ms * YC_MSEC));
    return ms;
}

static int plain_nap(int ms) { return nap(ms); }

YC_COROUTINE static int task(int ms) {
    int r = plain_nap(ms) + plain_nap(1);
    printf("task %d done\n", ms);
    return r;
}

YC_COROUTINE int main(void) {
    /* The first call waits longest, then the last: completions come in
       every order relative to the nesting. */
    yc_task *t[4];
    int ms[4] = {40, 10, 20, 5}, sum = 0;
    for (int i = 0; i < 4; i++)
        t[i] = YC_ASYNC(task(ms[i]));
    for (int i = 0; i < 4; i++) {
        int r = 0;
        YC_AWAIT(yc_task_join(t[i], &r, sizeof r, YC_NO_DEADLINE));
        sum += r;
    }
    printf("sum %d\n", sum);
    return 0;
}
// CHECK-DAG: task 5 done
// CHECK-DAG: task 10 done
// CHECK-DAG: task 20 done
// CHECK-DAG: task 40 done
// CHECK: sum 79
