// A cleanup local whose scope suspends loses its attribute, lives in the
// frame, and its function is called where C would call it: before the
// scope's closing brace, before a break that leaves the loop around it,
// and before a return once the returned value is computed (run tests:
// run/cleanup-*.c).
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only %t.c

#include <stdlib.h>
#include <yieldc.h>

static void freep(char **p) { free(*p); }

YC_COROUTINE int f(int n) {
    for (int i = 0; i < n; i++) {
        char *p __attribute__((cleanup(freep))) = malloc(8);
        YC_YIELD();
        if (!p)
            break;
        if (i == 3)
            return p[0];
    }
    return 0;
}
// CHECK-LABEL: int yc__f_step(
// CHECK-NOT: __attribute__
// CHECK: yc__f->p = malloc(8);
// CHECK: if (!yc__f->p)
// CHECK-NEXT: { freep(&yc__f->p); break; }
// CHECK-NEXT: if (i == 3)
// CHECK-NEXT: { int yc__rv = ( yc__f->p[0]); freep(&yc__f->p); return yc__rv; }
// CHECK-NEXT: freep(&yc__f->p); }
// CHECK-NEXT: return 0;
