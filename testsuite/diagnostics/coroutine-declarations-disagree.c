// A function declared YC_COROUTINE in one declaration and not in another
// (a plain prototype in a header, the definition marked; or the reverse
// in the same file) is an error at the unmarked declaration, with a note
// at a marked one: callers on either side would call it differently.
// RUN: rm -f %t.c
// RUN: not %yieldc %s -o %t.c -- -I%S/Inputs 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not test -e %t.c

#include <yieldc.h>

#include "plain-prototype.h"
// CHECK: plain-prototype.h:3:5: error: 'from_header' is declared YC_COROUTINE elsewhere but not here; every declaration of a coroutine must start with YC_COROUTINE
// CHECK: coroutine-declarations-disagree.c:[[# @LINE + 1]]:18: note: declared YC_COROUTINE here
YC_COROUTINE int from_header(int x) {
    YC_YIELD();
    return x;
}

YC_COROUTINE static int later(void);
static int later(void) { return 1; }
// CHECK: coroutine-declarations-disagree.c:[[# @LINE - 1]]:12: error: 'later' is declared YC_COROUTINE elsewhere but not here; every declaration of a coroutine must start with YC_COROUTINE
// CHECK: coroutine-declarations-disagree.c:[[# @LINE - 3]]:25: note: declared YC_COROUTINE here
