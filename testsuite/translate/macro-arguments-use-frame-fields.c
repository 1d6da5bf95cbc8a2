// Macros whose arguments name frame locals keep the macro invocation and
// rewrite only the argument text to the frame field, for an expression
// macro and a statement macro alike; the macro's own body is not touched.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

#define SQUARE(x) ((x) * (x))
#define SWAP(a, b)                                                             \
    do {                                                                       \
        int swap_tmp = (a);                                                    \
        (a) = (b);                                                             \
        (b) = swap_tmp;                                                        \
    } while (0)

// CHECK: {{^}}#define SQUARE(x) ((x) * (x))
// CHECK-LABEL: {{^}}int yc__f_step(struct yc__frame *yc__fp, struct yc__sched *yc__s) {
YC_COROUTINE int f(int a, int b) {
    YC_YIELD();
    SWAP(a, b);
    // CHECK: {{^ *}}SWAP(yc__f->a, yc__f->b);
    return SQUARE(a) - b;
    // CHECK: {{^ *}}return (yc__f->yc__res.yc__ret = (SQUARE(yc__f->a) - yc__f->b), YC__DONE);
}
