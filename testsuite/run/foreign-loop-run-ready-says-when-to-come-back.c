// yc_sched_run_ready, for a foreign loop (foreign-loop.md), runs one round
// and says when to call it again: -1 when only the scheduler's fd can
// bring work, 0 when work is ready again (tasks that yielded to each
// other, or work posted during the round, which the next call runs), and
// otherwise the nanoseconds until the next timer, at most the time it was
// set for.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t -lpthread
// RUN: %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

static int ran;

static void note(void *arg) {
    (void)arg;
    ran++;
}

static void fired(yc_timer *t, void *arg) { (void)t, (void)arg; }

YC_COROUTINE static void yields_once(void) {
    YC_YIELD();
    printf("yielder done\n");
}

YC_COROUTINE static void posts(void) {
    yc_sched_post(yc_sched_current(), note, NULL);
}

int main(void) {
    printf("idle: %lld\n", (long long)yc_sched_run_ready());
    // CHECK: idle: -1

    YC_SPAWN(yields_once());
    YC_SPAWN(yields_once());
    int64_t r = yc_sched_run_ready();
    printf("after two yields: %lld\n", (long long)r);
    // CHECK-NEXT: after two yields: 0
    r = yc_sched_run_ready();
    printf("then: %lld\n", (long long)r);
    // CHECK-NEXT: yielder done
    // CHECK-NEXT: yielder done
    // CHECK-NEXT: then: -1

    YC_SPAWN(posts());
    r = yc_sched_run_ready();
    printf("after a post: %lld, ran %d\n", (long long)r, ran);
    // CHECK-NEXT: after a post: 0, ran 0
    r = yc_sched_run_ready();
    printf("then: %lld, ran %d\n", (long long)r, ran);
    // CHECK-NEXT: then: -1, ran 1

    yc_timer t = YC_TIMER_INIT;
    if (yc_timer_start(&t, yc_now() + 3600 * YC_SEC, fired, NULL))
        return 1;
    int64_t left = yc_sched_run_ready();
    printf("timer pending: %d\n", left > 0 && left <= 3600 * YC_SEC);
    // CHECK-NEXT: timer pending: 1
    yc_timer_stop(&t);
    return 0;
}
