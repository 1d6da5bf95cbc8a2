// #line directives map the generated code back to the input: the compiler's
// warning about a local of a coroutine body, and about code after the
// coroutine, points at the line and column in this file.
// RUN: %yieldc %s -o %t.c
// RUN: FileCheck %s --input-file=%t.c
// RUN: %cc -c -Wall %t.c -o %t.o 2>&1 | FileCheck %s --check-prefix=WARN

#include <yieldc.h>

// CHECK: {{^}}#line [[# @LINE + 2]] "{{.*}}line-directives.c"
// CHECK-NEXT: {{^}}struct yc__f_res
YC_COROUTINE int f(int x) {
    YC_YIELD();
    int unused_in_coroutine;
    // WARN: line-directives.c:[[# @LINE - 1]]:9: warning: unused variable 'unused_in_coroutine'
    return x;
}
// CHECK: {{^}}#line [[# @LINE - 1]] "{{.*}}line-directives.c"
int after_f(void) {
    int unused_after;
    // WARN: line-directives.c:[[# @LINE - 1]]:9: warning: unused variable 'unused_after'
    return 7;
}
