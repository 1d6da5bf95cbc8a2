// YC_AWAIT written inside the body of another macro (here awaiting a call
// through a plain function pointer) cannot be rewritten in the text: an
// error at the macro use; a macro whose argument is the YC_AWAIT is fine.
// RUN: rm -f %t.c
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not test -e %t.c

#include <yieldc.h>

extern int (*fetch)(int);

#define FETCH(k) YC_AWAIT(fetch(k))
#define ID(e) (e)

YC_COROUTINE int f(int x) {
    int ok = ID(YC_AWAIT(fetch(x)));
    int v = FETCH(x);
    // CHECK: await-inside-macro-body.c:[[# @LINE - 1]]:13: error: YC_AWAIT inside the body of another macro is not supported yet; expand the macro by hand
    // CHECK-NEXT: {{^}}    int v = FETCH(x);
    // CHECK-NEXT: {{^}}            ^
    return ok + v;
}
