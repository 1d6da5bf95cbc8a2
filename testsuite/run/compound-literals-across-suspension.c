// Compound literals in a coroutine whose values are copied into locals that
// live across suspensions: a struct and an array element initialized from
// them, a struct assigned from one whose members await, one passed by value
// to an awaited coroutine, and one read right after an await in the same
// statement.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static void scribble(void) {
    for (int i = 0; i < 4; i++) {
        volatile int junk[64];
        for (int j = 0; j < 64; j++)
            junk[j] = -1;
        YC_YIELD();
    }
}

struct pair {
    int a, b;
};

YC_COROUTINE static int val(int x) {
    YC_YIELD();
    return x;
}

YC_COROUTINE static int sum(struct pair p) {
    YC_YIELD();
    return p.a + p.b;
}

YC_COROUTINE int main(void) {
    YC_SPAWN(scribble());
    struct pair p = (struct pair){.b = 2, .a = 1};
    int third = ((int[]){10, 20, 30})[2];
    YC_YIELD();
    p = (struct pair){YC_AWAIT(val(5)), YC_AWAIT(val(6))};
    int s = YC_AWAIT(sum((struct pair){.a = 7, .b = 8}));
    int e = YC_AWAIT(val(1)) + ((int[]){100, 200})[1];
    YC_YIELD();
    printf("p=%d %d third=%d s=%d e=%d\n", p.a, p.b, third, s, e);
    return 0;
}
// CHECK: p=5 6 third=30 s=15 e=201
