// A C syntax error is reported clang-style and an existing output file is
// left untouched.
// RUN: echo "previous output" > %t.c
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: FileCheck %s --check-prefix=KEEP --input-file=%t.c

#include <yieldc.h>

YC_COROUTINE int f(void) {
    int x = 1
    // CHECK: syntax-error-keeps-output.c:[[# @LINE - 1]]:14: error: expected ';' at end of declaration
    return x;
}
// KEEP: previous output
