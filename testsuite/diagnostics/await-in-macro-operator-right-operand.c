// A suspension point in the right operand of a binary operator that a
// macro supplies (`ADD(x, YC_AWAIT(f()))`) is an error at the macro use:
// the operator's text is the macro's, so the operands cannot be split
// around the await. The same await written outside the macro is fine.
// RUN: rm -f %t.c
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not test -e %t.c

#include <yieldc.h>

#define ADD(a, b) ((a) + (b))
#define AND(a, b) ((a) && (b))

YC_COROUTINE int g(int i);

YC_COROUTINE int f(int x) {
    int ok = x + YC_AWAIT(g(x));
    int a = ADD(x, YC_AWAIT(g(x)));
    // CHECK: await-in-macro-operator-right-operand.c:[[# @LINE - 1]]:13: error: a suspension point in the right operand of an operator written in a macro is not supported yet; assign the awaited value to a variable first
    // CHECK-NEXT: {{^}}    int a = ADD(x, YC_AWAIT(g(x)));
    // CHECK-NEXT: {{^}}            ^
    if (AND(x > 0, YC_AWAIT(g(x))))
        a++;
    // CHECK: await-in-macro-operator-right-operand.c:[[# @LINE - 2]]:9: error: a suspension point in the right operand of an operator written in a macro is not supported yet; assign the awaited value to a variable first
    // CHECK-NEXT: {{^}}    if (AND(x > 0, YC_AWAIT(g(x))))
    // CHECK-NEXT: {{^}}        ^
    return ok + a;
}
