// A parameter may have the name of a coroutine, even of its own: inside
// that coroutine the name means the parameter, and the generated wrapper
// still finds itself (for awaits through a pointer to it).
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static float scale(float scale, float by) {
    YC_YIELD();
    return scale * by;
}

YC_COROUTINE static int apply(int (*apply)(int), int v);

YC_COROUTINE static int twice(int twice) { return twice * 2; }

YC_COROUTINE static int apply(int (*apply)(int), int v) {
    return YC_AWAIT(apply(v)) + 1;
}

typedef YC_COROUTINE float (*scale_fn)(float, float);

YC_COROUTINE int main(void) {
    scale_fn p = scale;
    printf("%g %g\n", YC_AWAIT(scale(1.5f, 4.0f)), YC_AWAIT(p(2.0f, 3.0f)));
    printf("%d\n", YC_AWAIT(apply(twice, 20)));
    return 0;
}
// CHECK: 6 6
// CHECK-NEXT: 41
