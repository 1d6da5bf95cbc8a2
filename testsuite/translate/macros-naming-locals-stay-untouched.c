// Locals stay C locals in the step function (spilled to the frame only
// around suspensions), so macros that name them, in their arguments or in
// a stringized argument, are copied through unchanged: no rewriting of
// macro arguments, no copies for `#v`.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <stdio.h>
#include <yieldc.h>

#define SQUARE(x) ((x) * (x))
#define SWAP(a, b)                                                             \
    do {                                                                       \
        int swap_tmp = (a);                                                    \
        (a) = (b);                                                             \
        (b) = swap_tmp;                                                        \
    } while (0)
#define SHOW(v) printf("%s = %d\n", #v, (v))

// CHECK: {{^}}#define SQUARE(x) ((x) * (x))
// CHECK-LABEL: {{^}}int yc__f_step(struct yc__frame *yc__fp, struct yc__sched *yc__s, int a, int b) { yc__f_enter
YC_COROUTINE int f(int a, int b) {
    int count = a;
    YC_YIELD();
    // CHECK: {{^    }}{ if (YC__YIELD(1)) { yc__save_1 return yc__f_z; yc__resume_1: yc__load_1 } }
    SWAP(a, b);
    // CHECK: {{^    }}SWAP(a, b);
    SHOW(count);
    // CHECK: {{^    }}SHOW(count);
    return SQUARE(a) - b + count;
    // CHECK: {{^    }}return SQUARE(a) - b + count;
}
