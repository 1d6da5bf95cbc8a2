// Every loop form (while, do-while, for, for(;;), nested loops) with awaits
// in its body and break and continue on both sides of them: each loop ends
// and skips as C says, and the sums equal a plain C reference of the same
// loops.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static int val(int x) {
    YC_YIELD();
    return x;
}

static int val_ref(int x) { return x; }

YC_COROUTINE static int loops(int n) {
    int s = 0, i = 0;
    while (i < n) {
        i++;
        if (i == 2)
            continue;
        s += YC_AWAIT(val(i));
        if (i == 5)
            break;
    }
    i = 0;
    do {
        s += YC_AWAIT(val(100));
        if (++i % 2)
            continue;
        if (i > 4)
            break;
        s += 1000;
    } while (i < n);
    for (int j = 0; j < n; j++) {
        if (YC_AWAIT(val(j)) % 3 == 0)
            continue;
        s += 10000;
        if (j == 4)
            break;
    }
    for (;;) {
        s += YC_AWAIT(val(7));
        if (s % 2)
            break;
    }
    for (int a = 0; a < 3; a++) {
        int b = 0;
        while (1) {
            if (b++ == a)
                break;
            s += YC_AWAIT(val(1000000));
        }
        if (a == 1)
            continue;
        s += 5;
    }
    return s;
}

static int loops_ref(int n) {
    int s = 0, i = 0;
    while (i < n) {
        i++;
        if (i == 2)
            continue;
        s += val_ref(i);
        if (i == 5)
            break;
    }
    i = 0;
    do {
        s += val_ref(100);
        if (++i % 2)
            continue;
        if (i > 4)
            break;
        s += 1000;
    } while (i < n);
    for (int j = 0; j < n; j++) {
        if (val_ref(j) % 3 == 0)
            continue;
        s += 10000;
        if (j == 4)
            break;
    }
    for (;;) {
        s += val_ref(7);
        if (s % 2)
            break;
    }
    for (int a = 0; a < 3; a++) {
        int b = 0;
        while (1) {
            if (b++ == a)
                break;
            s += val_ref(1000000);
        }
        if (a == 1)
            continue;
        s += 5;
    }
    return s;
}

YC_COROUTINE int main(void) {
    for (int n = 0; n <= 8; n += 4)
        printf("n=%d: %d ref %d\n", n, YC_AWAIT(loops(n)), loops_ref(n));
    return 0;
}
// CHECK: n=0: 3000117 ref 3000117
// CHECK-NEXT: n=4: 3022425 ref 3022425
// CHECK-NEXT: n=8: 3032637 ref 3032637
