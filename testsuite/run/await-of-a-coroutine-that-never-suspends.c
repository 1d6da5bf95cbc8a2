// An await of a coroutine of the same file that can never suspend (no
// yield, and only awaits of such coroutines, recursion included) is a
// plain call of its step function: the program computes the same values,
// with side effects in the same order, as awaits that may suspend, in
// every place an await may stand - beside awaits that do suspend, in
// conditions, in the arguments of other calls, for struct and void
// results - and in both lowerings.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t
// RUN: %run %t | FileCheck %s

#include <stdio.h>
#include <string.h>
#include <yieldc.h>

static char trace[256];

static void note(const char *s) { strcat(trace, s); }

struct pair {
    int a, b;
};

YC_COROUTINE static int leaf(const char *tag, int x) {
    note(tag);
    return x + 1;
}

YC_COROUTINE static struct pair swap(struct pair p) {
    note("s");
    return (struct pair){p.b, p.a};
}

YC_COROUTINE static void nothing(void) { note("n"); }

// Mutual recursion that never suspends.
YC_COROUTINE static int odd(int n);
YC_COROUTINE static int even(int n) { return n == 0 ? 1 : YC_AWAIT(odd(n - 1)); }
YC_COROUTINE static int odd(int n) { return n == 0 ? 0 : YC_AWAIT(even(n - 1)); }

// Deep recursion: as deep as the plain C program would go.
YC_COROUTINE static long depth(long n) { return n ? 1 + YC_AWAIT(depth(n - 1)) : 0; }

// Suspends: awaits of it stay awaits.
YC_COROUTINE static int slow(const char *tag, int x) {
    YC_YIELD();
    note(tag);
    return x * 10;
}

static int add(int a, int b) { return a + b; }

YC_COROUTINE static int ticker(int *ticks) {
    for (int i = 0; i < 3; i++) {
        ++*ticks;
        YC_YIELD();
    }
    return 0;
}

YC_COROUTINE int main(void) {
    int ticks = 0;
    yc_task *t = YC_ASYNC(ticker(&ticks));
    // The operands of + are unsequenced: the values, each call once.
    int v = YC_AWAIT(leaf("a", 1)) + YC_AWAIT(slow("b", 2)) + YC_AWAIT(leaf("c", 3));
    printf("mixed %d, %zu calls%s%s%s\n", v, strlen(trace),
           strchr(trace, 'a') ? " a" : "", strchr(trace, 'b') ? " b" : "",
           strchr(trace, 'c') ? " c" : "");
    // CHECK: mixed 26, 3 calls a b c

    // Sequenced by the comma, && and ?: operators and by statements.
    trace[0] = 0;
    int w = (YC_AWAIT(leaf("d", 0)), YC_AWAIT(slow("e", 1))) &&
                    YC_AWAIT(leaf("f", 0)) == 1
                ? YC_AWAIT(leaf("g", 10))
                : YC_AWAIT(slow("x", 0));
    if (YC_AWAIT(leaf("h", 0)) == 1 && YC_AWAIT(even(10)))
        w += add(YC_AWAIT(leaf("i", 99)), 0);
    printf("sequenced %d trace %s\n", w, trace);
    // CHECK-NEXT: sequenced 111 trace defghi

    trace[0] = 0;
    struct pair p = YC_AWAIT(swap((struct pair){1, 2}));
    YC_AWAIT(nothing());
    printf("struct %d %d, even(7) %d odd(7) %d, trace %s\n", p.a, p.b,
           YC_AWAIT(even(7)), YC_AWAIT(odd(7)), trace);
    // CHECK-NEXT: struct 2 1, even(7) 0 odd(7) 1, trace sn

    printf("depth %ld\n", YC_AWAIT(depth(10000)));
    // CHECK-NEXT: depth 10000

    YC_AWAIT(yc_task_join(t, NULL, 0, YC_NO_DEADLINE));
    printf("ticker ran %d times\n", ticks);
    // CHECK-NEXT: ticker ran 3 times
    return 0;
}
