// YC_ASYNC starts a task and yc_task_join waits for it and copies out its
// typed result (int, struct, void), whether it has finished already or
// not; a join that times out leaves the handle usable; misuse fails with
// YC_EINVAL, YC_EBUSY or YC_EDEADLK.
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t | FileCheck %s

#include "Inputs/assert.h"

struct pair {
    int a;
    double b;
};

YC_COROUTINE static int square(int x) {
    YC_YIELD();
    return x * x;
}

YC_COROUTINE static struct pair make_pair(int a) {
    YC_YIELD();
    return (struct pair){a, a / 2.0};
}

YC_COROUTINE static void say(const char *what) {
    YC_YIELD();
    printf("say %s\n", what);
}

YC_COROUTINE static int slow(int ms) {
    int64_t ns = ms * YC_MSEC;
    int rc = YC_AWAIT(yc_sleep_for(ns));
    return rc ? rc : ms;
}

static yc_task *self_handle;

YC_COROUTINE static int join_self(void) {
    int r;
    return YC_AWAIT(yc_task_join(self_handle, &r, sizeof r, -1));
}

YC_COROUTINE static int second_joiner(yc_task *t) {
    int r;
    return YC_AWAIT(yc_task_join(t, &r, sizeof r, -1));
}

YC_COROUTINE int main(void) {
    int r = 0;
    // Not finished yet: the join suspends until it is.
    yc_task *t = YC_ASYNC(square(7));
    ASSERT(!yc_task_done(t));
    ASSERT_GT(yc_task_id(t), 1);
    int rc = YC_AWAIT(yc_task_join(t, &r, sizeof r, -1));
    ASSERT_OK(rc);
    printf("square %d\n", r);
    // CHECK: square 49

    // Finished already: the join completes at once.
    t = YC_ASYNC(square(3));
    YC_YIELD();
    YC_YIELD();
    ASSERT(yc_task_done(t));
    rc = YC_AWAIT(yc_task_join(t, &r, sizeof r, -1));
    ASSERT_OK(rc);
    printf("square %d\n", r);
    // CHECK-NEXT: square 9

    struct pair p;
    t = YC_ASYNC(make_pair(5));
    rc = YC_AWAIT(yc_task_join(t, &p, sizeof p, -1));
    ASSERT_OK(rc);
    printf("pair %d %.1f\n", p.a, p.b);
    // CHECK-NEXT: pair 5 2.5

    // A void task; a null result pointer discards any result. (Literal 0:
    // macros such as NULL are not expanded in awaited calls yet.)
    t = YC_ASYNC(say("void"));
    rc = YC_AWAIT(yc_task_join(t, 0, 0, -1));
    ASSERT_OK(rc);
    // CHECK-NEXT: say void
    t = YC_ASYNC(square(2));
    rc = YC_AWAIT(yc_task_join(t, 0, 0, -1));
    ASSERT_OK(rc);

    // A timed-out join leaves the task running and the handle valid.
    t = YC_ASYNC(slow(3));
    int64_t d = yc_now() + YC_MSEC;
    rc = YC_AWAIT(yc_task_join(t, &r, sizeof r, d));
    ASSERT_ERR(rc, YC_ETIMEDOUT);
    ASSERT(!yc_task_done(t));
    rc = YC_AWAIT(yc_task_join(t, &r, sizeof r, 0));
    ASSERT_ERR(rc, YC_ETIMEDOUT);
    rc = YC_AWAIT(yc_task_join(t, &r, sizeof r, -1));
    ASSERT_OK(rc);
    printf("slow %d\n", r);
    // CHECK-NEXT: slow 3

    // The wrong result size, a NULL handle.
    t = YC_ASYNC(square(1));
    rc = YC_AWAIT(yc_task_join(t, &p, sizeof p, -1));
    ASSERT_ERR(rc, YC_EINVAL);
    rc = YC_AWAIT(yc_task_join(0, 0, 0, -1));
    ASSERT_ERR(rc, YC_EINVAL);

    // Two joiners: the second is refused while the first waits.
    yc_task *j = YC_ASYNC(second_joiner(t));
    rc = YC_AWAIT(yc_task_join(t, &r, sizeof r, -1));
    ASSERT_OK(rc);
    rc = YC_AWAIT(yc_task_join(j, &r, sizeof r, -1));
    ASSERT_OK(rc);
    ASSERT_ERR(r, YC_EBUSY);

    // A task joining itself.
    self_handle = YC_ASYNC(join_self());
    rc = YC_AWAIT(yc_task_join(self_handle, &r, sizeof r, -1));
    ASSERT_OK(rc);
    ASSERT_ERR(r, YC_EDEADLK);

    // A detached handle cannot be joined.
    t = YC_ASYNC(square(4));
    printf("current %d\n", yc_task_current() != NULL);
    // CHECK-NEXT: current 1
    yc_task_detach(t);
    YC_YIELD();
    YC_YIELD();
    printf("end\n");
    // CHECK-NEXT: end
    return 0;
}
