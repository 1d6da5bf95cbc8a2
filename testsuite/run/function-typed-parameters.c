// Coroutines with parameters of function type, of a function-pointer
// typedef, unnamed in prototypes, and with a parameter list written the
// hard way: the generated prototypes are valid C and the calls work.
// RUN: %yieldc %s -o %t.c && %cc -Wall -Werror %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

typedef int fptr1(void);

YC_COROUTINE int f5(int (int()), fptr1);
YC_COROUTINE static int apply(int g(int), int x);

static int seven(void) { return 7; }
static int inc(int v) { return v + 1; }
static int call0(int h(void)) { return h(); }

YC_COROUTINE int f5(int k(int ()), fptr1 p) {
    YC_YIELD();
    return k(p) + p();
}

YC_COROUTINE static int apply(int g(int), int x) {
    YC_YIELD();
    return g(x);
}

YC_COROUTINE int main(void) {
    printf("%d %d\n", YC_AWAIT(f5(call0, seven)), YC_AWAIT(apply(inc, 41)));
    // CHECK: 14 42
    return 0;
}
