// Types behind typedefs and macros: a parameter of an array typedef whose
// address is taken lives in the frame as the pointer it is (the pointer
// to it stays valid across suspensions); a coroutine whose result is a
// typedef of void is a void coroutine; declarators written by a macro
// (one of them in the frame) are all declared.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

typedef int vec3[3];
typedef void nothing;

#define DECL2(x, y) int x[2], y

YC_COROUTINE static int later(int v) {
    YC_YIELD();
    return v;
}

YC_COROUTINE static int sum(vec3 v) {
    int **pp = &v;
    int r = YC_AWAIT(later(100));
    return (*pp)[0] + v[1] + (*pp)[2] + r;
}

YC_COROUTINE static nothing say(const char *s) {
    YC_YIELD();
    printf("say %s\n", s);
}

YC_COROUTINE static int pair(void) {
    DECL2(a, b);
    int *pa = a;
    a[0] = 1;
    b = 2;
    int r = YC_AWAIT(later(10));
    return pa[0] + a[0] + b + r;
}

YC_COROUTINE int main(void) {
    vec3 x = {1, 2, 3};
    printf("sum %d\n", YC_AWAIT(sum(x)));
    YC_AWAIT(say("hello"));
    printf("pair %d\n", YC_AWAIT(pair()));
    return 0;
}
// CHECK: sum 106
// CHECK-NEXT: say hello
// CHECK-NEXT: pair 14
