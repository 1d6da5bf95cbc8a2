// YC_AWAIT in the statement positions: as a statement (the value
// discarded), on the right of '=' to a local, an array element, a struct
// member and through a pointer, as the initializer of a local (also const),
// and as a return value, of calls with and without arguments.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

struct box {
    int v;
};

static int calls;

YC_COROUTINE static int triple(int x) {
    calls++;
    YC_YIELD();
    return 3 * x;
}

YC_COROUTINE static int nine(void) {
    YC_YIELD();
    return 9;
}

YC_COROUTINE static int forward(int x) {
    if (x == 0)
        return YC_AWAIT(nine());
    return YC_AWAIT(triple(x + 1));
}

YC_COROUTINE int main(void) {
    YC_AWAIT(triple(100));
    printf("statement: calls=%d\n", calls);

    int a;
    a = YC_AWAIT(triple(1));
    int arr[3] = {0, 0, 0};
    int i = 2;
    arr[i] = YC_AWAIT(triple(2));
    struct box b;
    b.v = YC_AWAIT(triple(3));
    int target = 0;
    int *p = &target;
    *p = YC_AWAIT(triple(4));
    printf("assign: a=%d arr[2]=%d b.v=%d target=%d\n", a, arr[i], b.v,
           target);

    int d = YC_AWAIT(triple(5));
    const int c = YC_AWAIT(triple(6));
    YC_YIELD();
    printf("init: d=%d c=%d\n", d, c);

    int r = YC_AWAIT(forward(0));
    int r2 = YC_AWAIT(forward(9));
    printf("return: r=%d r2=%d calls=%d\n", r, r2, calls);
    return 0;
}
// CHECK: statement: calls=1
// CHECK-NEXT: assign: a=3 arr[2]=6 b.v=9 target=12
// CHECK-NEXT: init: d=15 c=18
// CHECK-NEXT: return: r=9 r2=30 calls=8
