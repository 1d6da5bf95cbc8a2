// Awaits inside the case bodies of a switch (in a case, in the default, in a
// loop inside a case, in a nested switch, before a fall-through, in a block
// with its own local): after each resume execution goes on in the same
// case, and the results equal a plain C reference of the same switch.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static int val(int x) {
    YC_YIELD();
    return x;
}

static int val_ref(int x) { return x; }

YC_COROUTINE static int run(int v) {
    int r = 0;
    switch (v % 5) {
    case 0:
        r = YC_AWAIT(val(100));
        break;
    case 1:
        for (int i = 0; i < 3; i++)
            r += YC_AWAIT(val(i));
        /* fall through */
    case 2: {
        int local = YC_AWAIT(val(7));
        r += local * 10;
        break;
    }
    case 3:
        switch (YC_AWAIT(val(v))) {
        case 3:
            r = YC_AWAIT(val(33));
            break;
        default:
            r = YC_AWAIT(val(38));
        }
        r += 1;
        break;
    default:
        r = -YC_AWAIT(val(v));
    }
    return r;
}

static int run_ref(int v) {
    int r = 0;
    switch (v % 5) {
    case 0:
        r = val_ref(100);
        break;
    case 1:
        for (int i = 0; i < 3; i++)
            r += val_ref(i);
        /* fall through */
    case 2: {
        int local = val_ref(7);
        r += local * 10;
        break;
    }
    case 3:
        switch (val_ref(v)) {
        case 3:
            r = val_ref(33);
            break;
        default:
            r = val_ref(38);
        }
        r += 1;
        break;
    default:
        r = -val_ref(v);
    }
    return r;
}

YC_COROUTINE int main(void) {
    for (int v = 0; v < 9; v++)
        printf("%d: %d ref %d\n", v, YC_AWAIT(run(v)), run_ref(v));
    return 0;
}
// CHECK: 0: 100 ref 100
// CHECK-NEXT: 1: 73 ref 73
// CHECK-NEXT: 2: 70 ref 70
// CHECK-NEXT: 3: 34 ref 34
// CHECK-NEXT: 4: -4 ref -4
// CHECK-NEXT: 5: 100 ref 100
// CHECK-NEXT: 6: 73 ref 73
// CHECK-NEXT: 7: 70 ref 70
// CHECK-NEXT: 8: 39 ref 39
