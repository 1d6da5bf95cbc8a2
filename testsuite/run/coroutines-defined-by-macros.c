// Coroutines whose whole definitions a macro writes - several per
// invocation, through a macro that is #undef'd and defined again between
// uses, as table-driven C code does - are spelled out by yieldc before it
// rewrites them, in both lowerings, and awaiting them works.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

#define CAT(a, b) a##b
#define REPEAT_4 REPEAT_FN(0) REPEAT_FN(1) REPEAT_FN(2) REPEAT_FN(3)

#define REPEAT_FN(n)                                                           \
    YC_COROUTINE static int CAT(shl_, n)(int v) {                              \
        YC_YIELD();                                                            \
        return v << n;                                                         \
    }
REPEAT_4
#undef REPEAT_FN

#define REPEAT_FN(n)                                                           \
    YC_COROUTINE static int CAT(add_, n)(int v) { return v + n; }
REPEAT_4
#undef REPEAT_FN

#define TWO(name, op)                                                          \
    YC_COROUTINE static int name##_a(int v) { return v op 2; }                 \
    YC_COROUTINE static int name##_b(int v) {                                  \
        int r = YC_AWAIT(name##_a(v));                                         \
        return r op 3;                                                         \
    }
TWO(mul, *)

YC_COROUTINE int main(void) {
    int total = 0;
#define REPEAT_FN(n) total += YC_AWAIT(CAT(shl_, n)(1));
    REPEAT_4
#undef REPEAT_FN
    printf("shifts %d\n", total);
#define REPEAT_FN(n) total += YC_AWAIT(CAT(add_, n)(10));
    REPEAT_4
#undef REPEAT_FN
    printf("adds %d\n", total);
    printf("mul %d\n", YC_AWAIT(mul_b(5)));
    return 0;
}
// 1 + 2 + 4 + 8; then + 10 + 11 + 12 + 13; then (5 * 2) * 3.
// CHECK: shifts 15
// CHECK-NEXT: adds 61
// CHECK-NEXT: mul 30
