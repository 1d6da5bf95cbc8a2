// A coroutine defined K&R style, static or not, called from plain C with
// promoted arguments and awaited from another coroutine.
// RUN: %yieldc %s -o %t.c -- -std=gnu11 && %cc -std=gnu11 %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static int kr(a, b) int a;
char b;
{
    YC_YIELD();
    return a + b;
}

YC_COROUTINE int kr2(x) double x;
{
    YC_YIELD();
    return (int)(x * 2);
}

static int from_plain(void) { return kr(30, 4); }

YC_COROUTINE int main(void) {
    int a = YC_AWAIT(kr(1, 2)), b = from_plain(), c = YC_AWAIT(kr2(2.5));
    printf("%d %d %d\n", a, b, c);
    // CHECK: 3 34 5
    return 0;
}
