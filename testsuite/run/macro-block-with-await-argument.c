// A macro that expands to a block and is given an await, with another
// argument naming a local that lives across suspension points.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

#define SET(o, x) { int x_ = (x); *(o) = x_; }
#define SWAP_IN(a, b, x) { int t_ = (a); (a) = (x); (b) = t_; }

YC_COROUTINE static int load(int v) {
    YC_YIELD();
    return v;
}

YC_COROUTINE int main(void) {
    int o = 0, keep = 5, other = 0;
    YC_YIELD();
    SET(&o, YC_AWAIT(load(1)));
    SWAP_IN(keep, other, YC_AWAIT(load(keep + o)));
    printf("o %d keep %d other %d\n", o, keep, other);
    // CHECK: o 1 keep 6 other 5
    return 0;
}
