// Awaits of void coroutines as operands of the comma operator: in an
// expression statement, before a value (`x = (YC_AWAIT(v()), 5)`), in a for
// increment and in a condition; each runs once, in order.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

static char trace[32];
static int ntrace;

YC_COROUTINE static void tick(char tag) {
    trace[ntrace++] = tag;
    YC_YIELD();
}

static void show(const char *what, int r) {
    trace[ntrace] = 0;
    printf("%s: %d [%s]\n", what, r, trace);
    ntrace = 0;
}

YC_COROUTINE int main(void) {
    YC_AWAIT(tick('a')), YC_AWAIT(tick('b'));
    show("statement", 0);
    int x = (YC_AWAIT(tick('a')), 5);
    show("value", x);
    x = (YC_AWAIT(tick('a')), x + 1, YC_AWAIT(tick('b')), x * 2);
    show("mixed", x);
    int n = 0;
    for (int i = 0; i < 3; YC_AWAIT(tick('i')), i++)
        n += i;
    show("for", n);
    if ((YC_AWAIT(tick('c')), n > 2))
        show("if", n);
    return 0;
}
// CHECK: statement: 0 [ab]
// CHECK-NEXT: value: 5 [a]
// CHECK-NEXT: mixed: 10 [ab]
// CHECK-NEXT: for: 3 [iii]
// CHECK-NEXT: if: 3 [c]
