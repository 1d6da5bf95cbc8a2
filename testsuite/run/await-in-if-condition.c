// YC_AWAIT in the condition of if, of else-if chains and of nested ifs,
// alone and inside a larger condition: each branch taken matches a plain C
// reference, and each condition is awaited exactly once.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

static int calls;

YC_COROUTINE static int val(int x) {
    calls++;
    YC_YIELD();
    return x;
}

static const char *classify_ref(int v) {
    if (v < 0)
        return "negative";
    else if (v == 0)
        return "zero";
    else if (v % 2 == 0 && v > 10)
        return "big even";
    else
        return "other";
}

YC_COROUTINE static const char *classify(int v) {
    if (YC_AWAIT(val(v)) < 0)
        return "negative";
    else if (!YC_AWAIT(val(v)))
        return "zero";
    else if (YC_AWAIT(val(v)) % 2 == 0 && v > 10)
        return "big even";
    else
        return "other";
}

YC_COROUTINE int main(void) {
    int vs[5] = {-4, 0, 12, 8, 3};
    for (int i = 0; i < 5; i++) {
        calls = 0;
        const char *c = YC_AWAIT(classify(vs[i]));
        printf("%d: %s (ref %s) calls=%d\n", vs[i], c, classify_ref(vs[i]),
               calls);
    }
    int hits = 0;
    if (YC_AWAIT(val(1))) {
        if (YC_AWAIT(val(0)))
            hits += 100;
        else
            hits += 1;
        hits += 10;
    }
    printf("nested hits=%d\n", hits);
    return 0;
}
// CHECK: -4: negative (ref negative) calls=1
// CHECK-NEXT: 0: zero (ref zero) calls=2
// CHECK-NEXT: 12: big even (ref big even) calls=3
// CHECK-NEXT: 8: other (ref other) calls=3
// CHECK-NEXT: 3: other (ref other) calls=3
// CHECK-NEXT: nested hits=11
