// YC_AWAIT in a switch head is awaited once and selects the case as C
// does: a matching case, fall-through into the next, default, no match
// without default; also in a loop and with an awaited character. Results
// equal a plain C reference.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

static int calls;

YC_COROUTINE static int val(int x) {
    calls++;
    YC_YIELD();
    return x;
}

static int pick_ref(int v) {
    int r = 0;
    switch (v) {
    case 1:
        r += 1;
    case 2:
        r += 20;
        break;
    case 3:
        r = 300;
        break;
    default:
        r = -1;
    }
    return r;
}

YC_COROUTINE static int pick(int v) {
    int r = 0;
    switch (YC_AWAIT(val(v))) {
    case 1:
        r += 1;
    case 2:
        r += 20;
        break;
    case 3:
        r = 300;
        break;
    default:
        r = -1;
    }
    return r;
}

YC_COROUTINE int main(void) {
    for (int v = 0; v < 5; v++) {
        int r = YC_AWAIT(pick(v));
        printf("%d -> %d ref %d\n", v, r, pick_ref(v));
    }
    int hit = 0;
    switch (YC_AWAIT(val(9)) + 1) {
    case 1:
        hit = 1;
    }
    printf("no default: hit=%d\n", hit);
    const char *s = "a?b";
    for (int i = 0; s[i]; i++) {
        switch ((char)YC_AWAIT(val(s[i]))) {
        case 'a':
        case 'b':
            printf("letter %c\n", s[i]);
            break;
        default:
            printf("other %c\n", s[i]);
        }
    }
    printf("calls=%d\n", calls);
    return 0;
}
// CHECK: 0 -> -1 ref -1
// CHECK-NEXT: 1 -> 21 ref 21
// CHECK-NEXT: 2 -> 20 ref 20
// CHECK-NEXT: 3 -> 300 ref 300
// CHECK-NEXT: 4 -> -1 ref -1
// CHECK-NEXT: no default: hit=0
// CHECK-NEXT: letter a
// CHECK-NEXT: other ?
// CHECK-NEXT: letter b
// CHECK-NEXT: calls=9
