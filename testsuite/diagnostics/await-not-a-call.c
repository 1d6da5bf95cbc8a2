// YC_AWAIT of an expression that is not a call (arithmetic, a variable) is
// an error at the expression.
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s --implicit-check-not=error:

#include <yieldc.h>

YC_COROUTINE int f(int x) {
    int v = YC_AWAIT(x + 1);
    // CHECK: await-not-a-call.c:[[# @LINE - 1]]:22: error: expression is not awaitable; YC_AWAIT expects a call of a coroutine
    // CHECK-NEXT: {{^}}    int v = YC_AWAIT(x + 1);
    // CHECK-NEXT: {{^}}                     ^
    v = YC_AWAIT(x);
    // CHECK: await-not-a-call.c:[[# @LINE - 1]]:18: error: expression is not awaitable; YC_AWAIT expects a call of a coroutine
    // CHECK-NEXT: {{^}}    v = YC_AWAIT(x);
    // CHECK-NEXT: {{^}}                 ^
    return v;
}
