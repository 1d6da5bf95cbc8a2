// A macro whose body (not an argument) names a local that lives across a
// suspension cannot be rewritten to use the frame: an error at the macro
// use; passing the local as an argument is fine.
// RUN: rm -f %t.c
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not test -e %t.c

#include <stdio.h>
#include <yieldc.h>

#define SHOW() printf("%d\n", count)
#define SHOW_ARG(v) printf("%d\n", v)

YC_COROUTINE int f(void) {
    int count = 1;
    YC_YIELD();
    SHOW_ARG(count);
    SHOW();
    // CHECK: macro-body-names-frame-local.c:[[# @LINE - 1]]:5: error: a macro's body refers to 'count', which lives across a suspension in the frame; this is not supported yet (pass 'count' to the macro as an argument)
    // CHECK-NEXT: {{^}}    SHOW();
    // CHECK-NEXT: {{^}}    ^
    return count;
}
