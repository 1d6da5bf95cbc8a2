// YC_AWAIT as operands of <, >, <=, >=, == and != (also of pointers and
// with the usual arithmetic conversions): each result is 0 or 1 as C says
// and equals a plain C reference.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static int val(int x) {
    YC_YIELD();
    return x;
}

YC_COROUTINE static unsigned uval(unsigned x) {
    YC_YIELD();
    return x;
}

YC_COROUTINE static const char *at(const char *p) {
    YC_YIELD();
    return p;
}

static int ref(int x) { return x; }

YC_COROUTINE int main(void) {
    int three = 3;
    printf("lt %d %d\n", YC_AWAIT(val(2)) < three, ref(2) < three);
    printf("gt %d %d\n", three > YC_AWAIT(val(3)), three > ref(3));
    printf("le %d %d\n", YC_AWAIT(val(3)) <= YC_AWAIT(val(3)), ref(3) <= ref(3));
    printf("ge %d %d\n", YC_AWAIT(val(1)) >= three, ref(1) >= three);
    printf("eq %d %d\n", YC_AWAIT(val(4)) == 4, ref(4) == 4);
    printf("ne %d %d\n", 4 != YC_AWAIT(val(4)), 4 != ref(4));
    /* -1 converts to UINT_MAX, which is not less than 1. */
    printf("mixed sign %d\n", -1 < YC_AWAIT(uval(1)));
    const char *s = "hello";
    printf("pointers %d %d\n", YC_AWAIT(at(s + 1)) == s + 1,
           YC_AWAIT(at(s)) < s + 4);
    return 0;
}
// CHECK: lt 1 1
// CHECK-NEXT: gt 0 0
// CHECK-NEXT: le 1 1
// CHECK-NEXT: ge 0 0
// CHECK-NEXT: eq 1 1
// CHECK-NEXT: ne 0 0
// CHECK-NEXT: mixed sign 0
// CHECK-NEXT: pointers 1 1
