// `||` with YC_AWAIT on either side: the right operand is awaited only when
// the left is false, chains stop at the first true operand, and the result
// is 0 or 1; also `||` mixed with `&&` and `!`. A trace of the calls that
// ran is compared with the same expression over plain C functions.
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
    int r, zero = 0, one = 1;
    r = YC_AWAIT(t('a', 1)) || YC_AWAIT(t('b', 0));
    save();
    check("1||0", r, p('a', 1) || p('b', 0));
    r = YC_AWAIT(t('a', 0)) || YC_AWAIT(t('b', 7));
    save();
    check("0||7", r, p('a', 0) || p('b', 7));
    r = YC_AWAIT(t('a', 0)) || YC_AWAIT(t('b', 0));
    save();
    check("0||0", r, p('a', 0) || p('b', 0));
    r = one || YC_AWAIT(t('b', 1));
    save();
    check("one||", r, one || p('b', 1));
    r = zero || YC_AWAIT(t('b', 0));
    save();
    check("zero||", r, zero || p('b', 0));
    r = YC_AWAIT(t('a', 0)) || YC_AWAIT(t('b', 0)) || YC_AWAIT(t('c', 3)) ||
        YC_AWAIT(t('d', 1));
    save();
    check("chain", r, p('a', 0) || p('b', 0) || p('c', 3) || p('d', 1));
    r = (YC_AWAIT(t('a', 1)) && YC_AWAIT(t('b', 0))) || !YC_AWAIT(t('c', 0));
    save();
    check("mixed", r, (p('a', 1) && p('b', 0)) || !p('c', 0));
    r = (YC_AWAIT(t('a', 0)) && YC_AWAIT(t('b', 1))) || YC_AWAIT(t('c', 2));
    save();
    check("precedence", r, (p('a', 0) && p('b', 1)) || p('c', 2));
    return 0;
}
// CHECK: 1||0: 1 [a] ref 1 [a]
// CHECK-NEXT: 0||7: 1 [ab] ref 1 [ab]
// CHECK-NEXT: 0||0: 0 [ab] ref 0 [ab]
// CHECK-NEXT: one||: 1 [] ref 1 []
// CHECK-NEXT: zero||: 0 [b] ref 0 [b]
// CHECK-NEXT: chain: 1 [abc] ref 1 [abc]
// CHECK-NEXT: mixed: 1 [abc] ref 1 [abc]
// CHECK-NEXT: precedence: 1 [ac] ref 1 [ac]
