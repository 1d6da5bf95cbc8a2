// Awaiting a call of a function that is not a coroutine is an error at the
// call, naming the function; an existing output file is left untouched.
// RUN: echo "previous output" > %t.c
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: FileCheck %s --check-prefix=KEEP --input-file=%t.c

#include <yieldc.h>

int g(int x);

YC_COROUTINE int f(void) {
    int v = YC_AWAIT(g(1));
    // CHECK: await-non-coroutine.c:[[# @LINE - 1]]:22: error: 'g' is not a coroutine and cannot be awaited; declare it YC_COROUTINE or call it without YC_AWAIT
    // CHECK-NEXT: {{^}}    int v = YC_AWAIT(g(1));
    // CHECK-NEXT: {{^}}                     ^
    return v;
}
// KEEP: {{^}}previous output
