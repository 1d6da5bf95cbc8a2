// A macro that uses an argument holding YC_AWAIT twice, or only in one arm
// of its own ?:, awaits exactly as often as C evaluates the expansion: the
// same macros over a plain function count the same calls and give the same
// values.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define TWICE(e) do { (void)(e); (void)(e); } while (0)
#define SUM2(e) ((e) + (e))

static int calls;

YC_COROUTINE static int g(int i) {
    calls++;
    YC_YIELD();
    return i;
}

static int p(int i) {
    calls++;
    return i;
}

YC_COROUTINE int main(void) {
    int m = MAX(5, YC_AWAIT(g(3)));
    printf("max %d calls %d\n", m, calls);
    // CHECK: max 5 calls 1
    calls = 0;
    m = MAX(p(5), p(3));
    printf("ref %d calls %d\n", m, calls);
    // CHECK-NEXT: ref 5 calls 3
    calls = 0;
    m = MAX(1, YC_AWAIT(g(4)));
    printf("max %d calls %d\n", m, calls);
    // CHECK-NEXT: max 4 calls 2
    calls = 0;
    m = MAX(p(1), p(4));
    printf("ref %d calls %d\n", m, calls);
    // CHECK-NEXT: ref 4 calls 3
    calls = 0;
    TWICE(YC_AWAIT(g(m)));
    printf("twice calls %d\n", calls);
    // CHECK-NEXT: twice calls 2
    calls = 0;
    int sum = SUM2(YC_AWAIT(g(21)));
    printf("sum %d calls %d\n", sum, calls);
    // CHECK-NEXT: sum 42 calls 2
    return 0;
}
