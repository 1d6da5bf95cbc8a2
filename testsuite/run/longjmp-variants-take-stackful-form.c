// Every setjmp/longjmp variant (_setjmp, _longjmp, sigsetjmp, siglongjmp,
// __builtin_setjmp, __builtin_longjmp) needs the stack frame that a state
// machine gives up at each suspension: a coroutine using one takes the
// stackful form, and two micro-threads jumping at once each land in their
// own frame. (translate/fallback-reasons.c checks the reasons.)
// RUN: %yieldc %s -o %t.c -- -std=gnu11 2>%t.err && %cc -std=gnu11 %t.c -o %t && %run %t | FileCheck %s

#include <setjmp.h>
#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static int plain_variant(int id) {
    jmp_buf env;
    volatile int rounds = 0;
    if (_setjmp(env) < 3) {
        rounds++;
        YC_YIELD();
        _longjmp(env, rounds);
    }
    return id * 100 + rounds;
}

YC_COROUTINE static int sig_variant(int id) {
    sigjmp_buf env;
    volatile int rounds = 0;
    if (sigsetjmp(env, 0) < 2) {
        rounds++;
        YC_YIELD();
        siglongjmp(env, rounds);
    }
    return id * 100 + rounds;
}

YC_COROUTINE static int builtin_variant(int id) {
    void *env[5];
    volatile int rounds = 0;
    if (__builtin_setjmp(env) == 0 || rounds < 2) {
        rounds++;
        YC_YIELD();
        if (rounds < 3)
            __builtin_longjmp(env, 1);
    }
    return id * 100 + rounds;
}

YC_COROUTINE int main(void) {
    yc_task *a = YC_ASYNC(plain_variant(1)), *b = YC_ASYNC(plain_variant(2));
    yc_task *c = YC_ASYNC(sig_variant(3)), *d = YC_ASYNC(builtin_variant(4));
    int ra, rb, rc, rd;
    YC_AWAIT(yc_task_join(a, &ra, sizeof ra, YC_NO_DEADLINE));
    YC_AWAIT(yc_task_join(b, &rb, sizeof rb, YC_NO_DEADLINE));
    YC_AWAIT(yc_task_join(c, &rc, sizeof rc, YC_NO_DEADLINE));
    YC_AWAIT(yc_task_join(d, &rd, sizeof rd, YC_NO_DEADLINE));
    printf("%d %d %d %d\n", ra, rb, rc, rd);
    // CHECK: 103 203 302 402
    return 0;
}
