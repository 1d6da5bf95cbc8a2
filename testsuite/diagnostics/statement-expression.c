// A suspension point inside a GNU statement expression is an error at the
// statement expression (its statements cannot be hoisted out of it); a
// statement expression without one is fine (see run/assert-and-macros.c).
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s --implicit-check-not=error:

#include <yieldc.h>

YC_COROUTINE int g(int i);

YC_COROUTINE int f(int i) {
    int v = ({ int t = YC_AWAIT(g(i)); t + 1; });
    // CHECK: statement-expression.c:[[# @LINE - 1]]:13: error: a suspension point inside a statement expression is not supported yet
    // CHECK-NEXT: {{^}}    int v = ({ int t = YC_AWAIT(g(i)); t + 1; });
    // CHECK-NEXT: {{^}}            ^
    return v;
}
