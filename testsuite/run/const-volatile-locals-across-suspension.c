// const and volatile locals that live across suspensions: a const scalar
// initialized by an await, a const struct, a const pointer to const, a
// volatile counter updated between suspensions, a volatile array and a
// pointer to volatile; all keep their values while another task scribbles
// on the C stack.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static void scribble(void) {
    for (int i = 0; i < 8; i++) {
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
    const int c = YC_AWAIT(val(12));
    const struct pair cp = {3, YC_AWAIT(val(4))};
    const char *const name = "const";
    volatile int counter = 0;
    volatile int arr[3] = {1, 2, 3};
    volatile int *vp = &arr[1];
    for (int i = 0; i < 3; i++) {
        counter += i;
        YC_YIELD();
        *vp += 10;
    }
    YC_YIELD();
    printf("c=%d cp=%d %d name=%s\n", c, cp.a, cp.b, name);
    printf("counter=%d arr=%d %d %d\n", counter, arr[0], arr[1], arr[2]);
    return 0;
}
// CHECK: c=12 cp=3 4 name=const
// CHECK-NEXT: counter=3 arr=1 32 3
