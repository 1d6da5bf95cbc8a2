// void coroutines: awaited as statements and as the left operand of a
// comma, with a `return;` after a suspension in the middle of a loop and a
// `return;` at the end; results come back through pointer parameters.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static void find_first(const int *v, int n, int want, int *at) {
    *at = -1;
    for (int i = 0; i < n; i++) {
        YC_YIELD();
        if (v[i] == want) {
            *at = i;
            return;
        }
    }
    return;
}

YC_COROUTINE static void count_to(int n, int *out) {
    for (int i = 0; i < n; i++) {
        YC_YIELD();
        ++*out;
    }
}

YC_COROUTINE int main(void) {
    int v[5] = {4, 8, 15, 16, 23};
    int at;
    YC_AWAIT(find_first(v, 5, 15, &at));
    printf("15 at %d\n", at);
    YC_AWAIT(find_first(v, 5, 42, &at));
    printf("42 at %d\n", at);
    int n = 0;
    YC_AWAIT(count_to(3, &n));
    int m = (YC_AWAIT(count_to(2, &n)), n * 10);
    printf("n=%d m=%d\n", n, m);
    return 0;
}
// CHECK: 15 at 2
// CHECK-NEXT: 42 at -1
// CHECK-NEXT: n=5 m=50
