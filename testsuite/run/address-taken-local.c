// A local whose address is taken lives in the frame: a pointer taken before
// a suspension still points at the same object after it, and an awaited
// coroutine can write through the pointer after it has itself suspended.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

struct pair {
    int a, b;
};

YC_COROUTINE static void add_later(int *p, int n) {
    YC_YIELD();
    *p += n;
}

YC_COROUTINE int main(void) {
    int count = 1;
    int *p = &count;
    struct pair pr = {5, 6};
    int *pb = &pr.b;
    YC_YIELD();
    *p += 10;
    *pb *= 2;
    YC_AWAIT(add_later(&count, 100));
    YC_AWAIT(add_later(&pr.a, 1));
    printf("count=%d *p=%d same=%d\n", count, *p, p == &count);
    printf("pair=%d,%d\n", pr.a, pr.b);
    return 0;
}
// CHECK: count=111 *p=111 same=1
// CHECK-NEXT: pair=6,12
