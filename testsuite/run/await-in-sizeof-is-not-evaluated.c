// YC_AWAIT in the operand of sizeof or _Alignof, or in the controlling
// expression of _Generic, is never evaluated, as C never evaluates those:
// the coroutine is not called and the value is the type's.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

static int calls;

YC_COROUTINE static long long g(int i) {
    calls++;
    YC_YIELD();
    return i;
}

YC_COROUTINE int main(void) {
    int n = sizeof YC_AWAIT(g(1));
    n += (int)sizeof(YC_AWAIT(g(2)) + 1);
    int k = _Generic(YC_AWAIT(g(3)), long long: 7, default: 0);
    printf("%d %d calls %d\n", n, k, calls);
    // CHECK: 16 7 calls 0
    return 0;
}
