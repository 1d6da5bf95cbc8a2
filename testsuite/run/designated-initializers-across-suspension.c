// Designated initializers of locals that live across suspensions: struct
// members out of order, array elements by index with a later index
// overriding an earlier one, nested designators, an array of structs, and a
// union; unnamed members and elements are zero as C says.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static void scribble(void) {
    for (int i = 0; i < 3; i++) {
        volatile int junk[64];
        for (int j = 0; j < 64; j++)
            junk[j] = -1;
        YC_YIELD();
    }
}

struct inner {
    int a, b;
};

struct rec {
    int id;
    struct inner in;
    int tail[3];
};

union word {
    unsigned u;
    unsigned char bytes[4];
};

YC_COROUTINE int main(void) {
    YC_SPAWN(scribble());
    struct rec r = {.tail = {[2] = 9}, .in.b = 5, .id = 1};
    int arr[6] = {[4] = 40, [1] = 10, [4] = 44, 45};
    struct inner list[3] = {[2] = {.b = 7}, [0].a = 3};
    union word w = {.bytes = {[0] = 1}};
    YC_YIELD();
    YC_YIELD();
    r.in.a += 2;
    printf("r=%d %d %d %d %d %d\n", r.id, r.in.a, r.in.b, r.tail[0], r.tail[1],
           r.tail[2]);
    printf("arr=%d %d %d %d %d %d\n", arr[0], arr[1], arr[2], arr[3], arr[4],
           arr[5]);
    printf("list=%d %d %d %d %d %d\n", list[0].a, list[0].b, list[1].a,
           list[1].b, list[2].a, list[2].b);
    printf("w=%d %d\n", w.bytes[0], w.bytes[3]);
    return 0;
}
// CHECK: r=1 2 5 0 0 9
// CHECK-NEXT: arr=0 10 0 0 44 45
// CHECK-NEXT: list=3 0 0 0 0 7
// CHECK-NEXT: w=1 0
