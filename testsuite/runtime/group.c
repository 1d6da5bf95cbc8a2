// Task groups: yc_group_wait returns once every child has finished, with
// the first failure (a negative int result); YC_GROUP_FAIL_FAST cancels
// the others at the first failure; a deadline or a cancellation of the
// waiter cancels the children and still waits for them; cancelling the
// task that opened a group cancels its children, and theirs.
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t | FileCheck %s

#include "Inputs/assert.h"

struct big {
    long a, b;
};

YC_COROUTINE static int child(int id, int yields, int result) {
    for (int i = 0; i < yields; i++) {
        YC_YIELD();
    }
    if (result == 1) { // 1: wait until cancelled
        int rc = YC_AWAIT(yc_sleep_for(-1));
        printf("child %d: %s\n", id, yc_err_name(rc));
        return rc;
    }
    printf("child %d returns %d\n", id, result);
    return result;
}

YC_COROUTINE static void void_child(void) { YC_YIELD(); }

YC_COROUTINE static struct big big_child(void) { return (struct big){1, 2}; }

// Opens a group of two children that wait forever, and waits for it.
YC_COROUTINE static int parent(int id) {
    yc_group g;
    yc_group_init(&g, 0);
    ASSERT_OK(yc_group_add(&g, YC_ASYNC(child(id * 10 + 1, 0, 1))));
    ASSERT_OK(yc_group_add(&g, YC_ASYNC(child(id * 10 + 2, 0, 1))));
    int rc = YC_AWAIT(yc_group_wait(&g, -1));
    printf("parent %d: %s\n", id, yc_err_name(rc));
    return rc;
}

// A group inside a group: cancelling the top reaches the grandchildren.
YC_COROUTINE static int grandparent(void) {
    yc_group g;
    yc_group_init(&g, 0);
    ASSERT_OK(yc_group_add(&g, YC_ASYNC(parent(1))));
    ASSERT_OK(yc_group_add(&g, YC_ASYNC(parent(2))));
    int rc = YC_AWAIT(yc_group_wait(&g, -1));
    printf("grandparent: %s\n", yc_err_name(rc));
    return rc;
}

YC_COROUTINE int main(void) {
    yc_group g;
    yc_group_init(&g, 0);
    int rc = YC_AWAIT(yc_group_wait(&g, -1)); // empty
    ASSERT_OK(rc);

    // All succeed.
    ASSERT_OK(yc_group_add(&g, YC_ASYNC(child(1, 2, 0))));
    ASSERT_OK(yc_group_add(&g, YC_ASYNC(child(2, 1, 0))));
    ASSERT_OK(yc_group_add(&g, YC_ASYNC(void_child())));
    ASSERT_EQ(yc_group_size(&g), 3);
    rc = YC_AWAIT(yc_group_wait(&g, -1));
    printf("all: %s size %u\n", yc_err_name(rc), yc_group_size(&g));
    // CHECK: child 2 returns 0
    // CHECK-NEXT: child 1 returns 0
    // CHECK-NEXT: all: 0 size 0

    // Failures without fail-fast: all run to the end; the first failure
    // is reported.
    ASSERT_OK(yc_group_add(&g, YC_ASYNC(child(3, 3, YC_EPIPE))));
    ASSERT_OK(yc_group_add(&g, YC_ASYNC(child(4, 1, YC_EAGAIN))));
    ASSERT_OK(yc_group_add(&g, YC_ASYNC(child(5, 5, 0))));
    rc = YC_AWAIT(yc_group_wait(&g, -1));
    printf("failures: %s\n", yc_err_name(rc));
    // CHECK-NEXT: child 4 returns -11
    // CHECK-NEXT: child 3 returns -32
    // CHECK-NEXT: child 5 returns 0
    // CHECK-NEXT: failures: YC_EAGAIN

    // Fail-fast: the first failure cancels the rest.
    yc_group_init(&g, YC_GROUP_FAIL_FAST);
    ASSERT_OK(yc_group_add(&g, YC_ASYNC(child(6, 0, 1))));
    ASSERT_OK(yc_group_add(&g, YC_ASYNC(child(7, 2, YC_EPIPE))));
    ASSERT_OK(yc_group_add(&g, YC_ASYNC(child(8, 0, 1))));
    rc = YC_AWAIT(yc_group_wait(&g, -1));
    printf("fail fast: %s\n", yc_err_name(rc));
    // CHECK-NEXT: child 7 returns -32
    // CHECK-NEXT: child 6: YC_ECANCELED
    // CHECK-NEXT: child 8: YC_ECANCELED
    // CHECK-NEXT: fail fast: YC_EPIPE

    // A deadline: the children are cancelled and waited for.
    yc_group_init(&g, 0);
    ASSERT_OK(yc_group_add(&g, YC_ASYNC(child(9, 0, 1))));
    int64_t d = yc_now() + YC_MSEC;
    rc = YC_AWAIT(yc_group_wait(&g, d));
    printf("deadline: %s size %u\n", yc_err_name(rc), yc_group_size(&g));
    // CHECK-NEXT: child 9: YC_ECANCELED
    // CHECK-NEXT: deadline: YC_ETIMEDOUT size 0

    // yc_group_cancel, then reuse: the group is not cancelled any more.
    ASSERT_OK(yc_group_add(&g, YC_ASYNC(child(10, 0, 1))));
    YC_YIELD();
    yc_group_cancel(&g);
    ASSERT_OK(yc_group_add(&g, YC_ASYNC(child(11, 0, 1)))); // cancelled too
    rc = YC_AWAIT(yc_group_wait(&g, -1));
    printf("cancelled: %s\n", yc_err_name(rc));
    // CHECK-NEXT: child 10: YC_ECANCELED
    // CHECK-NEXT: child 11: YC_ECANCELED
    // CHECK-NEXT: cancelled: YC_ECANCELED
    ASSERT_OK(yc_group_add(&g, YC_ASYNC(child(12, 0, 0))));
    rc = YC_AWAIT(yc_group_wait(&g, -1));
    ASSERT_OK(rc);
    // CHECK-NEXT: child 12 returns 0

    // Cancelling a task cancels its group's children, recursively.
    yc_task *gp = YC_ASYNC(grandparent());
    YC_YIELD();
    YC_YIELD();
    YC_YIELD();
    printf("cancelling\n");
    yc_task_cancel(gp);
    int r;
    rc = YC_AWAIT(yc_task_join(gp, &r, sizeof r, -1));
    ASSERT_OK(rc);
    ASSERT_ERR(r, YC_ECANCELED);
    // CHECK-NEXT: cancelling
    // CHECK-DAG: child 11: YC_ECANCELED
    // CHECK-DAG: child 12: YC_ECANCELED
    // CHECK-DAG: child 21: YC_ECANCELED
    // CHECK-DAG: child 22: YC_ECANCELED
    // CHECK-DAG: parent 1: YC_ECANCELED
    // CHECK-DAG: parent 2: YC_ECANCELED
    // CHECK: grandparent: YC_ECANCELED

    // A finished task may be added; other result types and handles that
    // are not joinable are refused.
    yc_task *t = YC_ASYNC(child(13, 0, YC_EPIPE));
    YC_YIELD();
    ASSERT(yc_task_done(t));
    ASSERT_OK(yc_group_add(&g, t));
    ASSERT_EQ(yc_group_size(&g), 0);
    // CHECK: child 13 returns -32
    ASSERT_ERR(yc_group_add(&g, 0), YC_EINVAL);
    t = YC_ASYNC(big_child());
    ASSERT_ERR(yc_group_add(&g, t), YC_EINVAL);
    struct big big;
    rc = YC_AWAIT(yc_task_join(t, &big, sizeof big, -1));
    ASSERT_OK(rc);
    t = YC_ASYNC(child(14, 0, 0));
    ASSERT_OK(yc_group_add(&g, t));
    ASSERT_ERR(yc_group_add(&g, t), YC_EINVAL);
    rc = YC_AWAIT(yc_task_join(t, &r, sizeof r, -1));
    ASSERT_ERR(rc, YC_EINVAL); // the group owns it
    rc = YC_AWAIT(yc_group_wait(&g, -1));
    printf("end: %s\n", yc_err_name(rc));
    // CHECK: child 14 returns 0
    // CHECK-NEXT: end: YC_EPIPE
    return 0;
}
