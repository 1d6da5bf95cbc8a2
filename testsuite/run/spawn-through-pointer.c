// YC_SPAWN and YC_ASYNC of calls through coroutine pointers: the pointer
// is evaluated once, the coroutine starts as a task of its own (detached,
// or joinable with its result, an int or a struct), from a coroutine and
// from plain C; a plain function behind the pointer runs at once, and
// YC_ASYNC then gives no handle.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

struct pair {
    int a;
    long b;
};

typedef YC_COROUTINE int (*int_fn)(int x);
typedef YC_COROUTINE struct pair (*pair_fn)(int x);
typedef YC_COROUTINE void (*void_fn)(const char *who);

YC_COROUTINE static int square(int x) {
    YC_YIELD();
    return x * x;
}

YC_COROUTINE static struct pair make_pair(int x) {
    YC_YIELD();
    struct pair p = {x, 1000L * x};
    return p;
}

YC_COROUTINE static void greet(const char *who) {
    printf("started %s\n", who);
    YC_YIELD();
    printf("finished %s\n", who);
}

static void plain(const char *who) { printf("plain %s ran at once\n", who); }

// Plain C spawns through a pointer too.
static void start_from_plain(void_fn f) { YC_SPAWN(f("from plain C")); }

static int evaluations;
static void_fn pick(void_fn f) {
    evaluations++;
    return f;
}

YC_COROUTINE int main(void) {
    void_fn v = greet;
    YC_SPAWN(pick(v)("spawned"));
    printf("after spawn, pointer evaluated %d time(s)\n", evaluations);
    // CHECK: after spawn, pointer evaluated 1 time(s)
    YC_YIELD();
    // CHECK-NEXT: started spawned

    int_fn f = square;
    yc_task *t = YC_ASYNC(f(7));
    pair_fn g = make_pair;
    yc_task *u = YC_ASYNC(g(3));
    int r = 0;
    struct pair p = {0, 0};
    int rc1 = YC_AWAIT(yc_task_join(t, &r, sizeof r, YC_NO_DEADLINE));
    int rc2 = YC_AWAIT(yc_task_join(u, &p, sizeof p, YC_NO_DEADLINE));
    printf("joined %d %d: %d, {%d, %ld}\n", rc1, rc2, r, p.a, p.b);
    // CHECK: finished spawned
    // CHECK: joined 0 0: 49, {3, 3000}

    void_fn q = plain;
    YC_SPAWN(q("via spawn"));
    // CHECK-NEXT: plain via spawn ran at once
    yc_task *none = YC_ASYNC(q("via async"));
    // CHECK-NEXT: plain via async ran at once
    printf("handle for a plain function: %s\n", none ? "yes" : "none");
    // CHECK-NEXT: handle for a plain function: none

    start_from_plain(greet);
    YC_YIELD();
    YC_YIELD();
    // CHECK-NEXT: started from plain C
    // CHECK-NEXT: finished from plain C
    return 0;
}
