// Statements whose ';' or braces come from a macro, and declarations that a
// macro writes - with a cleanup attribute, of a local that lives in the
// frame, with an await in the initializer - translate as written.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

#define SEMI ;
#define BEGIN {
#define END }
#define AUTO(v, x) int v __attribute__((cleanup(drop))) = (x)
#define ARRAY(v, n) int v[n] = {0}
#define DECLARE_AWAITED(v, k) int v = YC_AWAIT(get(k))

static void drop(int *p) { printf("drop %d\n", *p); }

YC_COROUTINE static int get(int v) {
    YC_YIELD();
    return v;
}

YC_COROUTINE int main(void) {
    int k = YC_AWAIT(get(4)) SEMI
    printf("k %d\n", k) SEMI
    // CHECK: k 4
    if (k == 4)
        BEGIN
            k = YC_AWAIT(get(5));
            printf("k %d\n", k);
        END
    // CHECK-NEXT: k 5
    {
        AUTO(a, YC_AWAIT(get(6)));
        printf("a %d\n", a);
    }
    // CHECK-NEXT: a 6
    // CHECK-NEXT: drop 6
    ARRAY(arr, 3);
    int *p = arr;
    arr[1] = YC_AWAIT(get(7));
    DECLARE_AWAITED(b, 8);
    printf("arr %d %d b %d\n", p[1], arr[2], b);
    // CHECK-NEXT: arr 7 0 b 8
    return 0;
}
