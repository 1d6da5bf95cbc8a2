// A suspension point in a macro argument that the macro expands twice
// (`MAX(x, YC_AWAIT(f()))`) would be two awaits in the program for one in
// the text: an error at the YC_AWAIT, also for a macro that uses its
// argument twice without an operator of its own making it one.
// RUN: rm -f %t.c
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not test -e %t.c

#include <yieldc.h>

#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define TWICE(e) do { (void)(e); (void)(e); } while (0)

YC_COROUTINE int g(int i);

YC_COROUTINE int f(int x) {
    int m = MAX(x, YC_AWAIT(g(x)));
    // CHECK: await-in-macro-argument-expanded-twice.c:[[# @LINE - 1]]:20: error: this suspension point is expanded more than once by the macro around it; assign its result to a variable before using it in the macro
    // CHECK-NEXT: {{^}}    int m = MAX(x, YC_AWAIT(g(x)));
    // CHECK-NEXT: {{^}}                   ^
    TWICE(YC_AWAIT(g(m)));
    // CHECK: await-in-macro-argument-expanded-twice.c:[[# @LINE - 1]]:11: error: this suspension point is expanded more than once by the macro around it; assign its result to a variable before using it in the macro
    // CHECK-NEXT: {{^}}    TWICE(YC_AWAIT(g(m)));
    // CHECK-NEXT: {{^}}          ^
    return m;
}
