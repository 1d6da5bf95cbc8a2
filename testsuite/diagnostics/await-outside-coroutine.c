// YC_AWAIT in a function that is not a coroutine is an error at the await,
// and no output file is written.
// RUN: rm -f %t.c
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not test -e %t.c

#include <yieldc.h>

YC_COROUTINE int get(void);

int plain(void) {
    return YC_AWAIT(get());
    // CHECK: await-outside-coroutine.c:[[# @LINE - 1]]:12: error: YC_AWAIT outside a coroutine
    // CHECK-NEXT: {{^}}    return YC_AWAIT(get());
    // CHECK-NEXT: {{^}}           ^
}
