// YC_AWAIT in an operand of an operator that a macro writes - the right
// operand of + and of && and ||, an arm of ?: - keeps C's evaluation: the
// right operand of && is awaited only when the left is true, exactly one
// arm of ?: is awaited. A trace of the calls is compared with the same
// macros over plain functions.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

#define ADD(a, b) ((a) + (b))
#define AND(a, b) ((a) && (b))
#define OR(a, b) ((a) || (b))
#define PICK(c, a, b) ((c) ? (a) : (b))

static char trace[16];
static int n;

YC_COROUTINE static int t(char tag, int v) {
    trace[n++] = tag;
    YC_YIELD();
    return v;
}

static int p(char tag, int v) {
    trace[n++] = tag;
    return v;
}

static void show(const char *what, int r) {
    trace[n] = 0;
    printf("%s: %d [%s]\n", what, r, trace);
    n = 0;
}

YC_COROUTINE int main(void) {
    show("add", ADD(YC_AWAIT(t('a', 1)), YC_AWAIT(t('b', 2))));
    // CHECK: add: 3 [ab]
    show("and false", AND(YC_AWAIT(t('a', 0)), YC_AWAIT(t('b', 1))));
    show("ref", AND(p('a', 0), p('b', 1)));
    // CHECK-NEXT: and false: 0 [a]
    // CHECK-NEXT: ref: 0 [a]
    show("and true", AND(YC_AWAIT(t('a', 2)), YC_AWAIT(t('b', 3))));
    // CHECK-NEXT: and true: 1 [ab]
    show("or true", OR(YC_AWAIT(t('a', 1)), YC_AWAIT(t('b', 0))));
    // CHECK-NEXT: or true: 1 [a]
    int x = 1;
    show("pick", PICK(x, YC_AWAIT(t('t', 10)), YC_AWAIT(t('e', 20))));
    // CHECK-NEXT: pick: 10 [t]
    x = 0;
    show("pick", PICK(x, YC_AWAIT(t('t', 10)), YC_AWAIT(t('e', 20))));
    // CHECK-NEXT: pick: 20 [e]
    if (AND(x == 0, YC_AWAIT(t('c', 7)) == 7))
        show("if", 1);
    // CHECK-NEXT: if: 1 [c]
    return 0;
}
