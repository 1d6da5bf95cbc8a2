// _Generic in a coroutine, picking by the type of a local that lives in
// the frame or is saved across a suspension, and around an await.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

#define KIND(x) _Generic((x), int: "int", double: "double", char *: "string", default: "other")

YC_COROUTINE static int get(int v) {
    YC_YIELD();
    return v;
}

YC_COROUTINE int main(void) {
    int i = YC_AWAIT(get(3));
    double d = 2.5;
    char buf[4] = "abc";
    char *s = buf;
    YC_YIELD();
    printf("%s %s %s %s\n", KIND(i), KIND(d), KIND(s), KIND(buf[0]));
    // CHECK: int double string other
    int n = _Generic(i, int: i + YC_AWAIT(get(10)), default: 0);
    printf("n %d\n", n + _Generic(d, double: 100, default: 0));
    // CHECK-NEXT: n 113
    return 0;
}
