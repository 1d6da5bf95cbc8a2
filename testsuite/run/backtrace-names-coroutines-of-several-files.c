// A backtrace names each coroutine up the chain whichever translated file
// defines it: every file registers its coroutines before main
// (docs/runtime/debugging.md), and a chain that crosses files finds the
// names of both. Line numbers differ between the lowerings (a stackful
// coroutine shows where it waits or its definition), so only names and
// files are checked.
// RUN: rm -rf %t && split-file %s %t
// RUN: %yieldc %t/lib.c -o %t/lib.yc.c -- -I%t
// RUN: %yieldc %t/app.c -o %t/app.yc.c -- -I%t
// RUN: %cc -I%t %t/lib.yc.c %t/app.yc.c -o %t/prog
// RUN: %run %t/prog | FileCheck %s
// CHECK: yieldc: backtrace of task 1 (main):
// CHECK-NEXT: at lib_inner ({{.*}}lib.c:{{[0-9]+}})
// CHECK-NEXT: at app_middle ({{.*}}app.c:{{[0-9]+}})
// CHECK-NEXT: at main ({{.*}}app.c:{{[0-9]+}})
// CHECK-NEXT: backtrace: 0

//--- lib.h
#include <yieldc.h>
YC_COROUTINE int lib_inner(void);

//--- lib.c
#include <stdio.h>
#include "lib.h"
YC_COROUTINE int lib_inner(void) {
    YC_YIELD();
    fflush(stdout);
    return YC_AWAIT(yc_backtrace(1));
}

//--- app.c
#include <stdio.h>
#include "lib.h"
YC_COROUTINE static int app_middle(void) {
    return YC_AWAIT(lib_inner());
}
YC_COROUTINE int main(void) {
    int rc = YC_AWAIT(app_middle());
    printf("backtrace: %d\n", rc);
    return 0;
}
