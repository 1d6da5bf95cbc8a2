// GCC vector types as a coroutine's parameters, locals across a
// suspension and result.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

typedef int v4si __attribute__((vector_size(16)));

YC_COROUTINE static v4si scaled(v4si v, int by) {
    v4si k = {by, by, by, by};
    YC_YIELD();
    return v * k;
}

YC_COROUTINE int main(void) {
    v4si v = {1, 2, 3, 4};
    v4si r = YC_AWAIT(scaled(v, 3));
    printf("%d %d %d %d\n", r[0], r[1], r[2], r[3]);
    return 0;
}
// CHECK: 3 6 9 12
