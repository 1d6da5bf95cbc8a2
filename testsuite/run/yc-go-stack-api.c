// The stackful API on a yc_go micro-thread (docs/runtime/stackful.md,
// yieldc.h): there yc_on_stack() is 1 and yc_yield() lets the others run
// and returns 0; a default stack size set with yc_stack_default serves the
// micro-threads started with size 0 (and 0 restores the initial default).
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <string.h>
#include <yieldc.h>

static int ticks;

YC_COROUTINE static void ticker(int n) {
    for (int i = 0; i < n; i++) {
        ticks++;
        YC_YIELD();
    }
}

static void *on_stack(void *arg) {
    (void)arg;
    int before = ticks;
    int rc = yc_yield();
    printf("on a yc_go stack: on_stack %d, yield %s, others ran %s\n",
           yc_on_stack(), yc_err_name(rc), ticks > before ? "yes" : "no");
    return NULL;
}

/* Uses 64 KiB of its stack. */
static void *deep(void *arg) {
    char big[64 * 1024];
    memset(big, 1, sizeof big);
    yc_yield();
    *(int *)arg = big[sizeof big - 1] + big[0];
    return NULL;
}

YC_COROUTINE int main(void) {
    YC_SPAWN(ticker(3));
    yc_task *t = yc_go(on_stack, NULL, 0);
    YC_AWAIT(yc_task_join(t, NULL, sizeof(void *), YC_NO_DEADLINE));
    // CHECK: on a yc_go stack: on_stack 1, yield 0, others ran yes

    yc_stack_default(256 * 1024);
    int two = 0;
    t = yc_go(deep, &two, 0);
    YC_AWAIT(yc_task_join(t, NULL, sizeof(void *), YC_NO_DEADLINE));
    yc_stack_default(0);
    printf("64 KiB used on a 256 KiB default stack: %d\n", two);
    // CHECK: 64 KiB used on a 256 KiB default stack: 2
    return 0;
}
