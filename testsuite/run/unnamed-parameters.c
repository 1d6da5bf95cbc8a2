// A coroutine may leave parameters unnamed (C23, and a GNU extension
// before it): the generated code names them yc__pN, and callers pass
// every argument as in C.
// RUN: %yieldc %s -o %t.c && %cc -w %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static int second(int, int b, int (*)(int), char) {
    YC_YIELD();
    return b * 2;
}

YC_COROUTINE int main(void) {
    printf("%d\n", YC_AWAIT(second(1, 21, 0, 'x')));
    yc_task *t = YC_ASYNC(second(0, 5, 0, 0));
    int r;
    YC_AWAIT(yc_task_join(t, &r, sizeof r, YC_NO_DEADLINE));
    printf("%d\n", r);
    return 0;
}
// CHECK: 42
// CHECK-NEXT: 10
