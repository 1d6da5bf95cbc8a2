// `&&` with YC_AWAIT on either side: the right operand is awaited only when
// the left is true, chains stop at the first false operand, and the result
// is 0 or 1. A trace of the calls that ran is compared with the same
// expression over plain C functions.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <string.h>
#include <yieldc.h>

static char trace[16], saved[16];
static int ntrace;

static void note(char tag) {
    trace[ntrace++] = tag;
    trace[ntrace] = 0;
}

static void save(void) {
    strcpy(saved, trace);
    ntrace = 0;
    trace[0] = 0;
}

static void check(const char *what, int r, int ref) {
    printf("%s: %d [%s] ref %d [%s]\n", what, r, saved, ref, trace);
    ntrace = 0;
    trace[0] = 0;
}

YC_COROUTINE static int t(char tag, int v) {
    note(tag);
    YC_YIELD();
    return v;
}

static int p(char tag, int v) {
    note(tag);
    return v;
}

YC_COROUTINE int main(void) {
    int r, zero = 0, one = 1, n = 0;
    r = YC_AWAIT(t('a', 0)) && YC_AWAIT(t('b', 1));
    save();
    check("0&&1", r, p('a', 0) && p('b', 1));
    r = YC_AWAIT(t('a', 2)) && YC_AWAIT(t('b', 3));
    save();
    check("2&&3", r, p('a', 2) && p('b', 3));
    r = YC_AWAIT(t('a', 1)) && YC_AWAIT(t('b', 0));
    save();
    check("1&&0", r, p('a', 1) && p('b', 0));
    r = zero && YC_AWAIT(t('b', 1));
    save();
    check("zero&&", r, zero && p('b', 1));
    r = one && YC_AWAIT(t('b', 5));
    save();
    check("one&&", r, one && p('b', 5));
    r = YC_AWAIT(t('a', 1)) && YC_AWAIT(t('b', 1)) && YC_AWAIT(t('c', 0)) &&
        YC_AWAIT(t('d', 1));
    save();
    check("chain", r, p('a', 1) && p('b', 1) && p('c', 0) && p('d', 1));
    r = n++ > 0 && YC_AWAIT(t('b', 1));
    save();
    check("first", r, 0);
    r = n++ > 0 && YC_AWAIT(t('b', 1));
    save();
    check("second", r, 1);
    printf("n=%d\n", n);
    return 0;
}
// CHECK: 0&&1: 0 [a] ref 0 [a]
// CHECK-NEXT: 2&&3: 1 [ab] ref 1 [ab]
// CHECK-NEXT: 1&&0: 0 [ab] ref 0 [ab]
// CHECK-NEXT: zero&&: 0 [] ref 0 []
// CHECK-NEXT: one&&: 1 [b] ref 1 [b]
// CHECK-NEXT: chain: 0 [abc] ref 0 [abc]
// CHECK-NEXT: first: 0 [] ref 0 []
// CHECK-NEXT: second: 1 [b] ref 1 []
// CHECK-NEXT: n=2
