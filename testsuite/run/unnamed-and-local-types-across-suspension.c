// Locals of an unnamed struct, union or enum type, of a type declared in
// the body, and of a local type whose name a file-scope type also has,
// keep their values across suspension points, whether they live in the
// frame (an array, an address taken) or are saved there.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

struct point {
    double x, y; /* not the body's struct point */
};

YC_COROUTINE static int get(int v) {
    YC_YIELD();
    return v;
}

YC_COROUTINE int main(void) {
    struct { int a, b; } s = {1, 2};
    union { int i; float f; } u = {.i = 7};
    enum { RED, GREEN, BLUE } c = BLUE;
    struct point { int x, y; } pts[2] = {{1, 2}, {3, 4}};
    struct point *pp = &pts[1];
    typedef struct { char tag; } tagged;
    tagged tg = {'t'};
    tagged *tp = &tg;
    YC_YIELD();
    s.a += YC_AWAIT(get(10));
    u.i += YC_AWAIT(get(1));
    pp->y += YC_AWAIT(get(5));
    printf("%d %d %d %d %d %d %c\n", s.a, s.b, u.i, c, pts[0].x, pts[1].y,
           tp->tag);
    // CHECK: 11 2 8 2 1 9 t
    printf("%zu\n", sizeof(struct point));
    // CHECK-NEXT: 8
    return 0;
}
