// A group that never had a child may be dropped without a wait (a
// coroutine that opens one and returns early on an error): nothing keeps
// pointing at it, so later groups, cancellations and the task's end work
// normally. A task whose coroutine returns while a group it opened still
// has children is reported, with the task, and the program aborts - the
// children would refer to a group that is gone.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t
// RUN: %run %t empty | FileCheck --check-prefix=EMPTY %s
// RUN: not --crash %run %t children 2>&1 | FileCheck --check-prefix=CHILDREN %s

#include <stdio.h>
#include <string.h>
#include <yieldc.h>

YC_COROUTINE static int child(int x) {
    YC_AWAIT(yc_sleep_for(YC_MSEC));
    return x;
}

// Opens a group and gives up before adding anything.
YC_COROUTINE static int gives_up(int fail) {
    yc_group g;
    yc_group_init(&g, 0);
    if (fail)
        return YC_EINVAL;
    yc_group_add(&g, YC_ASYNC(child(0)));
    return YC_AWAIT(yc_group_wait(&g, YC_NO_DEADLINE));
}

YC_COROUTINE static int leaves_children(void) {
    yc_group g;
    yc_group_init(&g, 0);
    yc_group_add(&g, YC_ASYNC(child(1)));
    return 0;
}

YC_COROUTINE static void cancelled_owner(void) {
    YC_AWAIT(gives_up(1));
    YC_AWAIT(yc_sleep_for(YC_SEC));
}

YC_COROUTINE int main(int argc, char **argv) {
    if (argc > 1 && !strcmp(argv[1], "children")) {
        yc_task *t = YC_ASYNC(leaves_children());
        YC_AWAIT(yc_task_join(t, NULL, 0, YC_NO_DEADLINE));
        printf("not reached\n");
        return 1;
    }
    int a = YC_AWAIT(gives_up(1)), b = YC_AWAIT(gives_up(1));
    int c = YC_AWAIT(gives_up(0));
    printf("early returns %s %s, then a full group %d\n", yc_err_name(a),
           yc_err_name(b), c);
    // A task that dropped a group is cancelled: nothing to walk.
    yc_task *t = YC_ASYNC(cancelled_owner());
    YC_YIELD();
    yc_task_cancel(t);
    YC_AWAIT(yc_task_join(t, NULL, 0, YC_NO_DEADLINE));
    printf("cancelled owner joined\n");
    return 0;
}
// EMPTY: early returns YC_EINVAL YC_EINVAL, then a full group 0
// EMPTY-NEXT: cancelled owner joined
// CHILDREN: yieldc: task {{[0-9]+}} (leaves_children) returned without waiting for its group
