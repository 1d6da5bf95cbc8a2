// A coroutine that names itself in its body - taking its own address,
// comparing it, awaiting itself through the pointer - gets its plain
// wrapper there, as in C.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE typedef int countdown_fn(int);

YC_COROUTINE static int self(int depth) {
    countdown_fn *me = self;
    static countdown_fn *saved;
    saved = &self;
    YC_YIELD();
    if (!depth)
        return me == saved;
    return YC_AWAIT(me(depth - 1)) + 1;
}

YC_COROUTINE int main(void) {
    printf("%d\n", YC_AWAIT(self(3)));
    // CHECK: 4
    return 0;
}
