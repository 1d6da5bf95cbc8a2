// A suspension point in an arm of a `?:` that a macro supplies
// (`PICK(c, YC_AWAIT(f()), 0)`) is an error at the macro use, in the
// then-arm and in the else-arm alike; a `?:` written in the coroutine with
// the same await is fine.
// RUN: rm -f %t.c
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not test -e %t.c

#include <yieldc.h>

#define PICK(c, a, b) ((c) ? (a) : (b))

YC_COROUTINE int g(int i);

YC_COROUTINE int f(int x) {
    int ok = x ? YC_AWAIT(g(x)) : 0;
    int a = PICK(x, YC_AWAIT(g(x)), 0);
    // CHECK: await-in-macro-conditional-arm.c:[[# @LINE - 1]]:13: error: a suspension point in a '?:' written in a macro is not supported yet; assign the awaited value to a variable first
    // CHECK-NEXT: {{^}}    int a = PICK(x, YC_AWAIT(g(x)), 0);
    // CHECK-NEXT: {{^}}            ^
    a += PICK(x, 1, YC_AWAIT(g(2)));
    // CHECK: await-in-macro-conditional-arm.c:[[# @LINE - 1]]:10: error: a suspension point in a '?:' written in a macro is not supported yet; assign the awaited value to a variable first
    // CHECK-NEXT: {{^}}    a += PICK(x, 1, YC_AWAIT(g(2)));
    // CHECK-NEXT: {{^}}         ^
    return ok + a;
}
