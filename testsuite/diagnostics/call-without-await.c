// Calling a coroutine from a coroutine without YC_AWAIT is ambiguous: an
// error with a fix-it that wraps the call in YC_AWAIT.
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s --implicit-check-not=error:

#include <yieldc.h>

YC_COROUTINE int get(int x);

YC_COROUTINE int user(void) {
    int v = get(1) + 1;
    // CHECK: call-without-await.c:[[# @LINE - 1]]:13: error: call of coroutine 'get' from a coroutine without YC_AWAIT
    // CHECK-NEXT: {{^}}    int v = get(1) + 1;
    // CHECK-NEXT: {{^}}            ^
    // CHECK-NEXT: {{^}}            YC_AWAIT(get(1))
    return v;
}
