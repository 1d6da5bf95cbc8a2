// Generated code survives a program that defines, after <yieldc.h>, a
// macro for every ordinary identifier of yieldc/abi.h (state, next, susp,
// resume, size, ...), and that declares its own strlen without
// <string.h>: the generated code includes no system header and names
// nothing that a user macro can take. Awaits, yields, spawns, awaits
// through pointers and the stackful form are all there. (The program's own
// names avoid the defined ones: x, n, g are the headers' too.)
// RUN: rm -rf %t.dir && mkdir %t.dir
// RUN: %python %S/Inputs/define-identifiers.py %S/../../runtime/include/yieldc/abi.h > %t.dir/defines.h
// RUN: FileCheck %s --check-prefix=DEFINES --input-file=%t.dir/defines.h
// RUN: %yieldc %s -o %t.c -- -I%t.dir && %cc -I%t.dir %t.c -o %t && %run %t | FileCheck %s
// DEFINES-DAG: #define state
// DEFINES-DAG: #define susp
// DEFINES-DAG: #define resume

#include <stdio.h>
#include <yieldc.h>

#include "defines.h"

int strlen(const char *s) {
    int n = 0;
    while (s[n])
        n++;
    return n + 1000; /* not the library's */
}

struct big {
    int v[4];
};

YC_COROUTINE static struct big make(int v) {
    YC_YIELD();
    struct big b = {{v, v + 1, v + 2, v + 3}};
    return b;
}

YC_COROUTINE static int twice(int v) {
    YC_YIELD();
    return 2 * v;
}

YC_COROUTINE static void spawned(int *out) {
    YC_YIELD();
    *out = 7;
}

YC_COROUTINE int main(void) {
    int (*p)(int) = twice;
    int a = YC_AWAIT(twice(1)) + YC_AWAIT(p(2));
    int arr[3] = {1, 2, 3}, *q = arr;
    struct big b = YC_AWAIT(make(a));
    int got = 0;
    YC_SPAWN(spawned(&got));
    YC_YIELD();
    YC_YIELD();
    printf("%d %d %d %d %d\n", a, q[2], b.v[3], got, strlen("abc"));
    return 0;
}
// CHECK: 6 3 9 7 1003
