// The lines after a rewritten statement keep their numbers: __LINE__,
// diagnostics and the debugger see the user's lines, whether the statement
// spanned several lines, became several generated lines, or both (a
// multi-line await in a ?:, a loop whose condition awaits, a declaration,
// a yield).
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static int get(int v) {
    YC_YIELD();
    return v;
}

YC_COROUTINE int main(void) {
    int one = 1;
    int r = one ? YC_AWAIT(get(1))
                : YC_AWAIT(get(2));
    printf("line %d r %d\n", __LINE__, r);
    // CHECK: line [[@LINE-1]] r 1
    while (YC_AWAIT(get(r)) < 3 &&
           r < 10)
        r++;
    printf("line %d r %d\n", __LINE__, r);
    // CHECK: line [[@LINE-1]] r 3
    int a = YC_AWAIT(get(4)), b = YC_AWAIT(get(5)); YC_YIELD(); r += a +
        b;
    printf("line %d r %d\n", __LINE__, r);
    // CHECK: line [[@LINE-1]] r 12
    for (int i = YC_AWAIT(get(0)); i < 2;
         i += YC_AWAIT(get(1)))
        r += i;
    printf("line %d r %d\n", __LINE__, r);
    // CHECK: line [[@LINE-1]] r 13
    return 0;
}
