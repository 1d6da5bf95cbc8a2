// `?:` with YC_AWAIT in the condition, in either arm and in all three
// operands: exactly one arm is awaited, nested `?:` picks as C does, void
// and struct arms work. A trace of the calls that ran is compared with the
// same expression over plain C functions.
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

YC_COROUTINE static void v(char tag) {
    note(tag);
    YC_YIELD();
}

struct pair {
    int a, b;
};

YC_COROUTINE static struct pair mk(char tag, int a) {
    note(tag);
    YC_YIELD();
    struct pair r = {a, -a};
    return r;
}

YC_COROUTINE int main(void) {
    int r, one = 1, zero = 0;
    r = YC_AWAIT(t('c', 1)) ? 10 : 20;
    save();
    check("cond", r, p('c', 1) ? 10 : 20);
    r = one ? YC_AWAIT(t('x', 11)) : YC_AWAIT(t('y', 22));
    save();
    check("then", r, one ? p('x', 11) : p('y', 22));
    r = zero ? YC_AWAIT(t('x', 11)) : YC_AWAIT(t('y', 22));
    save();
    check("else", r, zero ? p('x', 11) : p('y', 22));
    r = YC_AWAIT(t('c', 0)) ? YC_AWAIT(t('x', 1)) : YC_AWAIT(t('y', 2));
    save();
    check("all three", r, p('c', 0) ? p('x', 1) : p('y', 2));
    r = YC_AWAIT(t('c', 1)) ? YC_AWAIT(t('d', 0)) ? YC_AWAIT(t('x', 1))
                                                   : YC_AWAIT(t('y', 2))
                            : YC_AWAIT(t('z', 3));
    save();
    check("nested", r,
          p('c', 1) ? p('d', 0) ? p('x', 1) : p('y', 2) : p('z', 3));
    r = 5 + (one ? 1 : YC_AWAIT(t('y', 2))) * 10;
    save();
    check("in operand", r, 5 + (one ? 1 : p('y', 2)) * 10);
    zero ? YC_AWAIT(v('x')) : YC_AWAIT(v('y'));
    one ? YC_AWAIT(v('x')) : YC_AWAIT(v('y'));
    save();
    check("void arms", 0, 0);
    struct pair s = zero ? YC_AWAIT(mk('x', 3)) : YC_AWAIT(mk('y', 4));
    save();
    check("struct", s.a * 10 + s.b, 36);
    return 0;
}
// CHECK: cond: 10 [c] ref 10 [c]
// CHECK-NEXT: then: 11 [x] ref 11 [x]
// CHECK-NEXT: else: 22 [y] ref 22 [y]
// CHECK-NEXT: all three: 2 [cy] ref 2 [cy]
// CHECK-NEXT: nested: 2 [cdy] ref 2 [cdy]
// CHECK-NEXT: in operand: 15 [] ref 15 []
// CHECK-NEXT: void arms: 0 [yx] ref 0 []
// CHECK-NEXT: struct: 36 [y] ref 36 []
