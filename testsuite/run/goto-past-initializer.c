// A backward goto over a suspension point and a forward goto past a local's
// initializer: C keeps the local's value (its block was never left), so it
// must live in the frame although the suspension stands before its
// declaration.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static void other(void) {
    for (int i = 0; i < 3; i++) {
        int junk[8] = {i, i, i, i, i, i, i, i}; /* reuses the C stack */
        (void)junk;
        YC_YIELD();
    }
}

YC_COROUTINE int main(void) {
    YC_SPAWN(other());
    int pass = 0;
top:
    YC_YIELD();
    if (pass > 0)
        goto use;
    int x = 42;
use:
    printf("pass %d x=%d\n", pass, x);
    if (++pass < 2)
        goto top;
    return 0;
}
// CHECK: pass 0 x=42
// CHECK-NEXT: pass 1 x=42
