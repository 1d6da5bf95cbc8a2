// One declaration with several declarators whose initializers await: each
// initializer is a full expression, so they run left to right and a later
// one sees the earlier variables (`int a = YC_AWAIT(f()), b = a + ...`);
// declarators without an initializer and pointer declarators keep their C
// meaning.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

static char trace[16];
static int ntrace;

YC_COROUTINE static int f(char tag, int v) {
    trace[ntrace++] = tag;
    YC_YIELD();
    return v;
}

YC_COROUTINE int main(void) {
    int a = YC_AWAIT(f('f', 3)), b = a + YC_AWAIT(f('g', 4));
    printf("a=%d b=%d\n", a, b);
    int x = 1, y = YC_AWAIT(f('h', x + 10)), z;
    z = x + y;
    YC_YIELD();
    printf("x=%d y=%d z=%d\n", x, y, z);
    int v = YC_AWAIT(f('i', 5)), *pv = &v, w = *pv * YC_AWAIT(f('j', 2));
    YC_YIELD();
    *pv += 1;
    printf("v=%d w=%d\n", v, w);
    for (int i = YC_AWAIT(f('k', 0)), n = YC_AWAIT(f('l', 3)); i < n; i++)
        printf("i=%d\n", i);
    trace[ntrace] = 0;
    printf("trace=%s\n", trace);
    return 0;
}
// CHECK: a=3 b=7
// CHECK-NEXT: x=1 y=11 z=12
// CHECK-NEXT: v=6 w=10
// CHECK-NEXT: i=0
// CHECK-NEXT: i=1
// CHECK-NEXT: i=2
// CHECK-NEXT: trace=fghijkl
