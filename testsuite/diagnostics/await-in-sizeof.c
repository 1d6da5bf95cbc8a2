// A suspension point inside the operand of sizeof is an error at the
// sizeof, with or without parentheses and also deeper in the operand: C
// never evaluates that operand, so the await could not run either; no
// output file is written.
// RUN: rm -f %t.c
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not test -e %t.c

#include <yieldc.h>

YC_COROUTINE int g(int i);

YC_COROUTINE int f(int x) {
    int n = sizeof YC_AWAIT(g(x));
    // CHECK: await-in-sizeof.c:[[# @LINE - 1]]:13: error: a suspension point in the operand of sizeof or _Alignof is not supported yet; assign the awaited value to a variable first
    // CHECK-NEXT: {{^}}    int n = sizeof YC_AWAIT(g(x));
    // CHECK-NEXT: {{^}}            ^
    n += (int)sizeof(YC_AWAIT(g(x)) + 1);
    // CHECK: await-in-sizeof.c:[[# @LINE - 1]]:15: error: a suspension point in the operand of sizeof or _Alignof is not supported yet; assign the awaited value to a variable first
    // CHECK-NEXT: {{^}}    n += (int)sizeof(YC_AWAIT(g(x)) + 1);
    // CHECK-NEXT: {{^}}              ^
    return n;
}
