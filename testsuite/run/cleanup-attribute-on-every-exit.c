// __attribute__((cleanup(fn))) on locals whose scope suspends: fn runs
// exactly once on every way out of the scope - the end of the block,
// return (after the returned value is computed), break, continue, goto out
// of the block or back before the declaration, a switch's break - innermost
// and latest first, whether the attribute is written out or comes from a
// macro, and whatever the lowering.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <stdlib.h>
#include <yieldc.h>

struct res {
    const char *name;
    int n;
};

static void drop(struct res *r) { printf("drop %s%d\n", r->name, r->n); }

static void drop_int(int **p) {
    printf("drop int %d\n", **p);
    **p = -1; /* a value returned after this would be wrong */
    free(*p);
}

#define AUTO_DROP __attribute__((cleanup(drop)))
#define CLEANUP_(f) __attribute__((cleanup(f)))

YC_COROUTINE static void block_end(void) {
    {
        AUTO_DROP struct res a = {"end", 0};
        YC_YIELD();
        printf("in block %s\n", a.name);
    }
    printf("after block\n");
}
// CHECK: in block end
// CHECK-NEXT: drop end0
// CHECK-NEXT: after block

YC_COROUTINE static int ret_value(void) {
    int *p __attribute__((cleanup(drop_int))) = malloc(sizeof *p);
    *p = 7;
    YC_YIELD();
    return *p * 6;
}
// CHECK-NEXT: drop int 7
// CHECK-NEXT: ret_value 42

YC_COROUTINE static void loop(void) {
    for (int i = 0; i < 5; i++) {
        struct res r CLEANUP_(drop) = {"loop", i};
        YC_YIELD();
        if (i == 1)
            continue;
        if (i == 3)
            break;
        printf("loop body %d\n", i);
    }
}
// CHECK-NEXT: loop body 0
// CHECK-NEXT: drop loop0
// CHECK-NEXT: drop loop1
// CHECK-NEXT: loop body 2
// CHECK-NEXT: drop loop2
// CHECK-NEXT: drop loop3
// CHECK-NOT: drop loop4

YC_COROUTINE static void gotos(void) {
    int n = 0;
    {
    again:;
        __attribute__((unused, cleanup(drop))) struct res g = {"back", n};
        YC_YIELD();
        if (++n < 3)
            goto again; /* back before the declaration: leaves its scope */
        if (n == 3)
            goto out;
        printf("not reached\n");
    }
out:
    printf("out %d\n", n);
}
// CHECK: drop back0
// CHECK-NEXT: drop back1
// CHECK-NEXT: drop back2
// CHECK-NEXT: out 3

YC_COROUTINE static int nested(int k) {
    AUTO_DROP struct res a = {"outer", k}, b = {"outer", k + 1};
    YC_YIELD();
    {
        AUTO_DROP struct res c = {"inner", k};
        { /* a scope that does not suspend, inside one that does */
            AUTO_DROP struct res d = {"plain", k};
            if (k == 1)
                return d.n + c.n + a.n + b.n;
        }
        YC_YIELD();
    }
    return 0;
}
// CHECK-NEXT: drop plain1
// CHECK-NEXT: drop inner1
// CHECK-NEXT: drop outer2
// CHECK-NEXT: drop outer1
// CHECK-NEXT: nested 5
// CHECK-NEXT: drop plain2
// CHECK-NEXT: drop inner2
// CHECK-NEXT: drop outer3
// CHECK-NEXT: drop outer2
// CHECK-NEXT: nested 0

YC_COROUTINE static int make(int n) {
    YC_YIELD();
    return n;
}

YC_COROUTINE static void in_switch(int k) {
    switch (k) {
    case 1: {
        AUTO_DROP struct res s = {"case", YC_AWAIT(make(k))};
        YC_YIELD();
        if (s.n)
            break;
        printf("not reached\n");
    }
    default:
        printf("not reached\n");
    }
    printf("switch done\n");
}
// CHECK-NEXT: drop case1
// CHECK-NEXT: switch done

YC_COROUTINE static int awaited_return(void) {
    AUTO_DROP struct res r = {"awaited", 4};
    YC_YIELD();
    return YC_AWAIT(make(r.n)) + 1; /* the await runs before the cleanup */
}
// CHECK-NEXT: drop awaited4
// CHECK-NEXT: awaited_return 5

YC_COROUTINE static void void_return(int k) {
    AUTO_DROP struct res r = {"void", k};
    YC_YIELD();
    if (k)
        return;
    printf("not reached\n");
}
// CHECK-NEXT: drop void1
// CHECK-NEXT: void_return done

#define RETURN_IF(c, v)                                                        \
    do {                                                                       \
        if (c)                                                                 \
            return (v);                                                        \
    } while (0)

YC_COROUTINE static int macro_return(int k) {
    AUTO_DROP struct res m = {"macro", k};
    YC_YIELD();
    RETURN_IF(k > 0, m.n * 2); /* a return that a macro writes */
    return -1;
}
// CHECK-NEXT: drop macro3
// CHECK-NEXT: macro_return 6

/* Loops whose condition or increment suspends are rebuilt around their
   bodies; a continue still cleans up before the next condition. */
YC_COROUTINE static void rebuilt_loops(void) {
    int i = 0;
    do {
        YC_CLEANUP(drop) struct res d = {"do", i};
        if (i == 1)
            continue;
        printf("do body %d\n", i);
    } while (YC_AWAIT(make(++i)) < 3);
    for (int j = 0; j < 3; j += YC_AWAIT(make(1))) {
        YC_CLEANUP(drop) struct res f = {"for", j};
        if (j == 1)
            continue;
        printf("for body %d\n", j);
    }
    int k = 0;
    while (YC_AWAIT(make(k)) < 2) {
        YC_CLEANUP(drop) struct res w = {"while", k};
        k++;
        if (k == 1)
            continue;
        printf("while body %d\n", k);
    }
    switch (k) {
    case 2:;
        YC_CLEANUP(drop) struct res s = {"switch", k};
        YC_YIELD();
        break;
    }
}
// CHECK-NEXT: do body 0
// CHECK-NEXT: drop do0
// CHECK-NEXT: drop do1
// CHECK-NEXT: do body 2
// CHECK-NEXT: drop do2
// CHECK-NEXT: for body 0
// CHECK-NEXT: drop for0
// CHECK-NEXT: drop for1
// CHECK-NEXT: for body 2
// CHECK-NEXT: drop for2
// CHECK-NEXT: drop while0
// CHECK-NEXT: while body 2
// CHECK-NEXT: drop while1
// CHECK-NEXT: drop switch2

static yc_event never;

YC_COROUTINE static int cancelled(void) {
    AUTO_DROP struct res conn = {"conn", 9};
    int rc = YC_AWAIT(yc_event_wait(&never, YC_NO_DEADLINE));
    if (rc < 0)
        return rc; /* the cancellation unwinds through the cleanup */
    return 0;
}
// CHECK-NEXT: drop conn9
// CHECK-NEXT: cancelled ECANCELED

YC_COROUTINE int main(void) {
    YC_AWAIT(block_end());
    printf("ret_value %d\n", YC_AWAIT(ret_value()));
    YC_AWAIT(loop());
    YC_AWAIT(gotos());
    printf("nested %d\n", YC_AWAIT(nested(1)));
    printf("nested %d\n", YC_AWAIT(nested(2)));
    YC_AWAIT(in_switch(1));
    printf("awaited_return %d\n", YC_AWAIT(awaited_return()));
    YC_AWAIT(void_return(1));
    printf("void_return done\n");
    printf("macro_return %d\n", YC_AWAIT(macro_return(3)));
    YC_AWAIT(rebuilt_loops());

    yc_event_init(&never, 0);
    yc_task *t = YC_ASYNC(cancelled());
    YC_YIELD(); /* t runs and blocks */
    yc_task_cancel(t);
    int rc = 0;
    YC_AWAIT(yc_task_join(t, &rc, sizeof rc, YC_NO_DEADLINE));
    printf("cancelled %s\n", rc == YC_ECANCELED ? "ECANCELED" : "other");
    return 0;
}
