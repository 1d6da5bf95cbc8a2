// A frame local named in a macro argument that the macro stringifies, in a
// statement that also suspends, is an error at the local: the statement
// would need a C copy of the local across its own suspension. The same
// macro in a statement without a suspension point is fine.
// RUN: rm -f %t.c
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not test -e %t.c

#include <stdio.h>
#include <yieldc.h>

#define SHOW(v) printf("%s = %d\n", #v, (v))

YC_COROUTINE int g(int i);

YC_COROUTINE int f(int x) {
    int count = x;
    YC_YIELD();
    SHOW(count);
    SHOW(count), YC_YIELD();
    // CHECK: stringified-frame-local-in-suspending-statement.c:[[# @LINE - 1]]:10: error: a macro stringifies or pastes this argument naming 'count', which lives in the frame; this is supported only in a statement without suspension points, for a local whose address is not taken
    // CHECK-NEXT: {{^}}    SHOW(count), YC_YIELD();
    // CHECK-NEXT: {{^}}         ^
    return count;
}
