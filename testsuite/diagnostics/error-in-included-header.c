// A C error in an included header is forwarded from libclang with the
// header's own file, line and column and its source line.
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s --implicit-check-not=error:

#include <yieldc.h>
#include "Inputs/bad-header.h"

// CHECK: Inputs{{/|\\}}bad-header.h:2:31: error: expected expression
// CHECK-NEXT: {{^}}int broken(int x) { return x +; }
// CHECK-NEXT: {{^}}                              ^
YC_COROUTINE int f(int x) {
    YC_YIELD();
    return broken(x);
}
