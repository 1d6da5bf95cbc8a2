// goto across suspension points: forward over a suspension, backward to
// form a loop whose body awaits, into a block (past a local's declaration,
// the local assigned after the jump) and out of nested blocks and a loop;
// a labelled statement that awaits. The trace equals a plain C reference.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static int val(int x) {
    YC_YIELD();
    return x;
}

static int val_ref(int x) { return x; }

YC_COROUTINE static int walk(int start) {
    int acc = 0, n = start;
    if (n > 5)
        goto skip;
    acc += YC_AWAIT(val(1000));
skip:
again:
    n = YC_AWAIT(val(n + 1));
    acc += n;
    if (n < 4)
        goto again;
    if (start == 2)
        goto inside;
    {
        int y;
        acc += 7;
    inside:
        y = YC_AWAIT(val(50));
        acc += y;
    }
    for (int i = 0; i < 10; i++) {
        for (int j = 0; j < 10; j++) {
            acc += YC_AWAIT(val(1));
            if (i * 10 + j == 12)
                goto out;
        }
    }
out:
    return acc;
}

static int walk_ref(int start) {
    int acc = 0, n = start;
    if (n > 5)
        goto skip;
    acc += val_ref(1000);
skip:
again:
    n = val_ref(n + 1);
    acc += n;
    if (n < 4)
        goto again;
    if (start == 2)
        goto inside;
    {
        int y;
        acc += 7;
    inside:
        y = val_ref(50);
        acc += y;
    }
    for (int i = 0; i < 10; i++) {
        for (int j = 0; j < 10; j++) {
            acc += val_ref(1);
            if (i * 10 + j == 12)
                goto out;
        }
    }
out:
    return acc;
}

YC_COROUTINE int main(void) {
    int starts[3] = {0, 2, 9};
    for (int k = 0; k < 3; k++)
        printf("start %d: %d ref %d\n", starts[k], YC_AWAIT(walk(starts[k])),
               walk_ref(starts[k]));
    return 0;
}
// CHECK: start 0: 1080 ref 1080
// CHECK-NEXT: start 2: 1070 ref 1070
// CHECK-NEXT: start 9: 80 ref 80
