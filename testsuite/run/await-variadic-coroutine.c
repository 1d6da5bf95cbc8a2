// Awaiting a variadic coroutine from a state machine: the callee takes the
// stackful form (its "..." arguments cannot move to another stack), but
// its callers stay state machines. Each await stores the arguments as C
// passes them (default promotions for "...": char to int, float to
// double; a struct with a const member by copy) in a frame for the call
// site and runs the call on a stack of its own, while the other task runs.
// YC_SPAWN and YC_ASYNC of a variadic coroutine start it the same way.
// RUN: %yieldc %s -o %t.c 2>%t.warnings && %cc %t.c -o %t && %run %t | FileCheck %s
// RUN: %yieldc --emit=fallback %s 2>/dev/null | FileCheck %s --check-prefix=LOWERING
// LOWERING: lowering of worker: {{state machine|stackful, as --stackful asks}}
// LOWERING: lowering of main: {{state machine|stackful, as --stackful asks}}

#include <stdarg.h>
#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static int sum(int n, ...) {
    va_list ap;
    va_start(ap, n);
    int s = 0;
    for (int i = 0; i < n; i++) {
        s += va_arg(ap, int);
        YC_YIELD();
    }
    va_end(ap);
    return s;
}

struct pt { const int x; int y; };

YC_COROUTINE static struct pt mk(int n, ...) {
    va_list ap;
    va_start(ap, n);
    double d = va_arg(ap, double);
    struct pt p = va_arg(ap, struct pt);
    va_end(ap);
    YC_YIELD();
    struct pt r = {p.x + n, (int)d};
    return r;
}

YC_COROUTINE static void say(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    YC_YIELD();
    vprintf(fmt, ap);
    va_end(ap);
}

YC_COROUTINE static int worker(int id) {
    int local = id * 10;
    float f = 2.5f;
    char c = 'a';
    struct pt q = {7, 8};
    int r = YC_AWAIT(sum(3, id, local, (int)c)) + YC_AWAIT(sum(1, 5));
    struct pt p = YC_AWAIT(mk(id, f, q));
    YC_AWAIT(say("worker %d: r=%d p=%d,%d local=%d\n", id, r, p.x, p.y, local));
    return r;
}

YC_COROUTINE int main(void) {
    // Variadic coroutines started as tasks, from a frame for the call.
    yc_task *s = YC_ASYNC(sum(2, 30, 12));
    YC_SPAWN(say("spawned %s\n", "say"));
    int rs;
    YC_AWAIT(yc_task_join(s, &rs, sizeof rs, YC_NO_DEADLINE));
    printf("async sum %d\n", rs);
    yc_task *a = YC_ASYNC(worker(1));
    yc_task *b = YC_ASYNC(worker(2));
    int ra, rb;
    YC_AWAIT(yc_task_join(a, &ra, sizeof ra, YC_NO_DEADLINE));
    YC_AWAIT(yc_task_join(b, &rb, sizeof rb, YC_NO_DEADLINE));
    printf("%d %d\n", ra, rb);
    return 0;
}
// CHECK: spawned say
// CHECK-NEXT: async sum 42
// CHECK-NEXT: worker 1: r=113 p=8,2 local=10
// CHECK-NEXT: worker 2: r=124 p=9,2 local=20
// CHECK-NEXT: 113 124
