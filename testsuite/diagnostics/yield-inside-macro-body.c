// YC_YIELD written inside the body of another macro cannot be given a
// resume label in the text: an error at the macro use; a macro whose
// argument is YC_YIELD() is fine.
// RUN: rm -f %t.c
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not test -e %t.c

#include <yieldc.h>

#define PAUSE() YC_YIELD()
#define STMT(s) do { s; } while (0)

YC_COROUTINE int f(int x) {
    STMT(YC_YIELD());
    PAUSE();
    // CHECK: yield-inside-macro-body.c:[[# @LINE - 1]]:5: error: YC_YIELD inside the body of another macro is not supported yet; expand the macro by hand
    // CHECK-NEXT: {{^}}    PAUSE();
    // CHECK-NEXT: {{^}}    ^
    return x;
}
