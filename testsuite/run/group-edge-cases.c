// Task groups at the edges of their contract (yieldc.h, tasks.md): a
// group wait whose deadline has already passed cancels the children and
// still waits for them, then returns YC_ETIMEDOUT with the group empty;
// cancelling a task cancels the children of every group it has open, and
// its group waits, in any order, end with YC_ECANCELED once their
// children are done.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

static int ended; /* children that have returned */

YC_COROUTINE static int sleeper(void) {
    int rc = YC_AWAIT(yc_sleep_for(-1)); /* until cancelled */
    ended++;
    return rc;
}

static yc_task *kids[3];

/* Opens three groups with a sleeping child each, then waits for the
   middle one, the oldest and the newest. */
YC_COROUTINE static void owner(void) {
    yc_group g[3];
    for (int i = 0; i < 3; i++) {
        yc_group_init(&g[i], 0);
        kids[i] = YC_ASYNC(sleeper());
        yc_group_add(&g[i], kids[i]);
    }
    static const int order[3] = {1, 0, 2};
    for (int i = 0; i < 3; i++) {
        int k = order[i];
        int rc = YC_AWAIT(yc_group_wait(&g[k], YC_NO_DEADLINE));
        printf("owner: group %d: %s, size %u\n", k, yc_err_name(rc),
               yc_group_size(&g[k]));
    }
}

YC_COROUTINE int main(void) {
    yc_group g;
    yc_group_init(&g, 0);
    yc_group_add(&g, YC_ASYNC(sleeper()));
    yc_group_add(&g, YC_ASYNC(sleeper()));
    int rc = YC_AWAIT(yc_group_wait(&g, 0));
    printf("past deadline: %s, size %u, children ended %d\n", yc_err_name(rc),
           yc_group_size(&g), ended);
    // CHECK: past deadline: YC_ETIMEDOUT, size 0, children ended 2

    ended = 0;
    yc_task *o = YC_ASYNC(owner());
    YC_YIELD(); /* it opens its groups and waits */
    YC_YIELD(); /* the children start sleeping */
    yc_task_cancel(o);
    printf("children cancelled with their owner: %d %d %d\n",
           yc_task_cancelled(kids[0]), yc_task_cancelled(kids[1]),
           yc_task_cancelled(kids[2]));
    // CHECK: children cancelled with their owner: 1 1 1
    YC_AWAIT(yc_task_join(o, NULL, 0, YC_NO_DEADLINE));
    printf("children ended: %d\n", ended);
    // CHECK: owner: group 1: YC_ECANCELED, size 0
    // CHECK-NEXT: owner: group 0: YC_ECANCELED, size 0
    // CHECK-NEXT: owner: group 2: YC_ECANCELED, size 0
    // CHECK-NEXT: children ended: 3
    return 0;
}
