// Coroutines that a state machine cannot express (a VLA, alloca, setjmp,
// a computed goto, variable arguments) run stackfully next to state-machine
// coroutines in the same file: they suspend (the ticker task interleaves),
// keep their stack-allocated data across suspensions, and return results
// to their awaiting callers.
// RUN: %yieldc %s -o %t.c -- -std=gnu11 2>/dev/null && %cc -std=gnu11 %t.c -o %t && %run %t | FileCheck %s

#include <alloca.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <yieldc.h>

static int ticks;

YC_COROUTINE static void ticker(int n) {
    for (int i = 0; i < n; i++) {
        ticks++;
        YC_YIELD();
    }
}

YC_COROUTINE static int vla(int n) {
    int a[n];
    for (int i = 0; i < n; i++)
        a[i] = i * i;
    YC_YIELD();
    int s = 0;
    for (int i = 0; i < n; i++)
        s += a[i];
    return s;
}

YC_COROUTINE static int stack_alloc(int n) {
    char *p = alloca(n + 1);
    for (int i = 0; i < n; i++)
        p[i] = (char)('a' + i);
    p[n] = 0;
    YC_YIELD();
    printf("alloca kept \"%s\"\n", p);
    return n;
}

YC_COROUTINE static int jumps(int depth) {
    jmp_buf env;
    volatile int tries = 0;
    if (setjmp(env) && tries >= depth)
        return tries;
    tries++;
    YC_YIELD();
    longjmp(env, 1);
}

YC_COROUTINE static int computed(int i) {
    static void *targets[] = {&&zero, &&one};
    goto *targets[i];
zero:
    YC_YIELD();
    return 100;
one:
    return 101;
}

YC_COROUTINE static int sum(int n, ...) {
    va_list ap;
    va_start(ap, n);
    int s = 0;
    for (int i = 0; i < n; i++)
        s += va_arg(ap, int);
    va_end(ap);
    YC_YIELD();
    return s;
}

/* Stackful because of its VLA: it may await the variadic coroutine. */
YC_COROUTINE static int relay(int n) {
    int scratch[n];
    scratch[0] = YC_AWAIT(sum(3, 1, 2, 3));
    return scratch[0] + n;
}

YC_COROUTINE int main(void) {
    YC_SPAWN(ticker(100));
    printf("vla %d\n", YC_AWAIT(vla(4)));
    printf("alloca %d\n", YC_AWAIT(stack_alloc(3)));
    printf("setjmp %d\n", YC_AWAIT(jumps(3)));
    printf("goto %d %d\n", YC_AWAIT(computed(0)), YC_AWAIT(computed(1)));
    printf("relay %d\n", YC_AWAIT(relay(10)));
    printf("ticker ran: %s\n", ticks > 5 ? "yes" : "no");
    return 0;
}
// CHECK: vla 14
// CHECK-NEXT: alloca kept "abc"
// CHECK-NEXT: alloca 3
// CHECK-NEXT: setjmp 3
// CHECK-NEXT: goto 100 101
// CHECK-NEXT: relay 16
// CHECK-NEXT: ticker ran: yes
