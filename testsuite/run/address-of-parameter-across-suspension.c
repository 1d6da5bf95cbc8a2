// Parameters whose address is taken: a pointer to a scalar parameter held
// across a suspension, a parameter handed by address to an awaited
// coroutine that writes it after suspending, and a pointer to a member of a
// struct parameter; the writes reach the parameters, and the caller's
// arguments are unchanged (they were passed by value).
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

struct pair {
    int a, b;
};

YC_COROUTINE static void scribble(void) {
    for (int i = 0; i < 8; i++) {
        volatile int junk[64];
        for (int j = 0; j < 64; j++)
            junk[j] = -1;
        YC_YIELD();
    }
}

YC_COROUTINE static void set(int *out, int v) {
    YC_YIELD();
    *out = v;
}

YC_COROUTINE static int f(int n, struct pair s) {
    int *pn = &n;
    int *pb = &s.b;
    YC_YIELD();
    *pn *= 3;
    *pb += 1;
    YC_AWAIT(set(&s.a, 100));
    YC_AWAIT(set(&n, n + 1));
    return n * 1000 + s.a + s.b;
}

YC_COROUTINE int main(void) {
    YC_SPAWN(scribble());
    int n = 4;
    struct pair s = {1, 2};
    int r = YC_AWAIT(f(n, s));
    printf("r=%d n=%d s=%d %d\n", r, n, s.a, s.b);
    return 0;
}
// CHECK: r=13103 n=4 s=1 2
