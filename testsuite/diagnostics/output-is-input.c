// Naming the input file as the output is an error, and the input is left
// as it was instead of being replaced by its translation.
// RUN: cp %s %t.in.c
// RUN: not %yieldc %t.in.c -o %t.in.c 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: diff %s %t.in.c

// CHECK: {{^}}yieldc: error: output '{{.*}}.in.c' is the input file

#include <yieldc.h>

YC_COROUTINE int f(void) {
    YC_YIELD();
    return 1;
}
