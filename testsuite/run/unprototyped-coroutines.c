// Coroutines defined without a prototype - `f()` and K&R definitions -
// are called as C calls them: unprototyped, with the default argument
// promotions and converted back to the parameters' types on entry, and
// with extra arguments ignored; the generated functions are defined in
// the old style too, so every such call compiles.
// RUN: %yieldc %s -o %t.c && %cc -w -std=gnu11 %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

static int calls;

YC_COROUTINE static int bump() {
    YC_YIELD();
    return ++calls;
}

YC_COROUTINE static int narrow(c, f) unsigned char c;
float f;
{
    YC_YIELD();
    return c + (int)(f * 2);
}

YC_COROUTINE void later();

YC_COROUTINE int main(void) {
    int a = YC_AWAIT(bump(1, 2, 3)); // arguments a () definition ignores
    int b = YC_AWAIT(narrow(257, 1.25)); // 257 arrives as unsigned char 1
    YC_AWAIT(later(7));
    printf("%d %d %d\n", a, b, calls);
    return 0;
}

YC_COROUTINE void later(int n) {
    calls += n;
}
// CHECK: 1 3 8
