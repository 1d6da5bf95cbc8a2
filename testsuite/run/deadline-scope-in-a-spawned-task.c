// A detached task (YC_SPAWN) may use deadline scopes like any other
// (tasks.md "Deadline scopes"): inside a scope whose deadline has passed,
// its blocking calls fail at once with YC_ETIMEDOUT and the pop reports
// the timeout; the task's scope storage goes with it when it finishes
// (nothing leaks under Valgrind or ASan).
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t -lpthread
// RUN: %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

static yc_event done;

YC_COROUTINE static void spawned(void) {
    int rc = yc_deadline_push(yc_now());
    int wait = YC_AWAIT(yc_sleep_for(YC_SEC));
    int pop = yc_deadline_pop();
    printf("push %d, sleep %s, pop %s\n", rc, yc_err_name(wait),
           yc_err_name(pop));
    yc_event_set(&done);
}

YC_COROUTINE int main(void) {
    YC_SPAWN(spawned());
    YC_AWAIT(yc_event_wait(&done, YC_NO_DEADLINE));
    YC_YIELD(); /* spawned() finishes and is freed */
    printf("main done\n");
    return 0;
}
// CHECK: push 0, sleep YC_ETIMEDOUT, pop YC_ETIMEDOUT
// CHECK-NEXT: main done
