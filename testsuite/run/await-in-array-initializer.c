// YC_AWAIT in the initializer of arrays that live across suspensions: some
// elements awaited, the rest zero as C says, a designated element, a 2-D
// array, a char array and an array of structs; a task that scribbles on the
// C stack in between shows that the values are kept in the frame.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static void scribble(void) {
    for (int i = 0; i < 4; i++) {
        volatile int junk[64];
        for (int j = 0; j < 64; j++)
            junk[j] = -1;
        YC_YIELD();
    }
}

YC_COROUTINE static int val(int x) {
    YC_YIELD();
    return x;
}

struct pair {
    int a, b;
};

YC_COROUTINE int main(void) {
    YC_SPAWN(scribble());
    int a[5] = {YC_AWAIT(val(1)), 2, YC_AWAIT(val(3))};
    int d[4] = {[2] = YC_AWAIT(val(7)), [0] = 5};
    int m[2][2] = {{YC_AWAIT(val(1)), 2}, {3, YC_AWAIT(val(4))}};
    char s[4] = {'o', (char)YC_AWAIT(val('k')), '!'};
    struct pair ps[2] = {{YC_AWAIT(val(10)), 11}, [1].b = YC_AWAIT(val(21))};
    YC_YIELD();
    YC_YIELD();
    printf("a=%d %d %d %d %d\n", a[0], a[1], a[2], a[3], a[4]);
    printf("d=%d %d %d %d\n", d[0], d[1], d[2], d[3]);
    printf("m=%d %d %d %d\n", m[0][0], m[0][1], m[1][0], m[1][1]);
    printf("s=%s\n", s);
    printf("ps=%d %d %d %d\n", ps[0].a, ps[0].b, ps[1].a, ps[1].b);
    return 0;
}
// CHECK: a=1 2 3 0 0
// CHECK-NEXT: d=5 0 7 0
// CHECK-NEXT: m=1 2 3 4
// CHECK-NEXT: s=ok!
// CHECK-NEXT: ps=10 11 0 21
