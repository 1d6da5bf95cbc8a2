// A suspension point inside a GNU statement expression cannot be hoisted
// out of it: the coroutine is lowered to the stackful form, with a warning
// at the suspension point, and the translation succeeds.
// RUN: %yieldc %s -o %t.c 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test -s %t.c

#include <yieldc.h>

YC_COROUTINE int g(int i);

YC_COROUTINE int f(int i) {
    int v = ({ int t = YC_AWAIT(g(i)); t + 1; });
    // CHECK: statement-expression.c:[[# @LINE - 1]]:24: warning: coroutine 'f' is lowered to the stackful form (it runs on its own stack) because of a suspension point inside a statement expression
    // CHECK-NEXT: {{^}}    int v = ({ int t = YC_AWAIT(g(i)); t + 1; });
    // CHECK-NEXT: {{^}}                       ^
    return v;
}
