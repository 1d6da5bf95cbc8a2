// A semantic C error inside a coroutine (an undeclared identifier) is
// forwarded from libclang clang-style, and translation stops there.
// RUN: rm -f %t.c
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not test -e %t.c

#include <yieldc.h>

YC_COROUTINE int f(int x) {
    YC_YIELD();
    return x + missing;
    // CHECK: undeclared-identifier.c:[[# @LINE - 1]]:16: error: use of undeclared identifier 'missing'
    // CHECK-NEXT: {{^}}    return x + missing;
    // CHECK-NEXT: {{^}}               ^
}
