// The comma operator with YC_AWAIT in its operands: the left operand runs
// first, so an await on the right sees its side effects; the value is the
// right operand's; awaits on both sides run left to right; and a comma in a
// for increment runs each time. A trace shows the order of the calls.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

static char trace[32];
static int ntrace;

static void note(char tag) {
    trace[ntrace++] = tag;
    trace[ntrace] = 0;
}

static void show(const char *what, int r) {
    printf("%s: %d [%s]\n", what, r, trace);
    ntrace = 0;
    trace[0] = 0;
}

YC_COROUTINE static int t(char tag, int v) {
    note(tag);
    YC_YIELD();
    return v;
}

YC_COROUTINE static int tenfold(int v) {
    YC_YIELD();
    return 10 * v;
}

YC_COROUTINE int main(void) {
    int r, x = 0;
    r = (x = 5, YC_AWAIT(tenfold(x)));
    show("sees left", r);
    r = (x++, YC_AWAIT(tenfold(x)));
    show("sees increment", r);
    r = (YC_AWAIT(t('a', 1)), YC_AWAIT(t('b', 2)));
    show("both", r);
    r = (note('p'), YC_AWAIT(t('a', 3)));
    show("plain then await", r);
    r = (YC_AWAIT(t('a', 1)), note('p'), 7);
    show("await then plain", r);
    r = (YC_AWAIT(t('a', 1)), YC_AWAIT(t('b', 2)), YC_AWAIT(t('c', 3)));
    show("three", r);
    int sum = 0, i, j;
    for (i = 0, j = 10; i < 3; i++, j -= YC_AWAIT(t('d', 2)))
        sum += j;
    show("for increment", sum);
    printf("i=%d j=%d\n", i, j);
    return 0;
}
// CHECK: sees left: 50 []
// CHECK-NEXT: sees increment: 60 []
// CHECK-NEXT: both: 2 [ab]
// CHECK-NEXT: plain then await: 3 [pa]
// CHECK-NEXT: await then plain: 7 [ap]
// CHECK-NEXT: three: 3 [abc]
// CHECK-NEXT: for increment: 24 [ddd]
// CHECK-NEXT: i=3 j=4
