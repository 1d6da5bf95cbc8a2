// A coroutine that takes a va_list, called from a variadic function, reads
// the arguments across its suspension points, as C does.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdarg.h>
#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static int sum_va(int n, va_list ap) {
    int t = 0;
    for (int i = 0; i < n; i++) {
        YC_YIELD();
        t += va_arg(ap, int);
    }
    return t;
}

YC_COROUTINE static int vsum(int n, ...) {
    va_list ap;
    va_start(ap, n);
    int r = YC_AWAIT(sum_va(n, ap));
    va_end(ap);
    return r;
}

static int sum_all(int n, ...) {
    va_list ap;
    va_start(ap, n);
    int r = sum_va(n, ap);
    va_end(ap);
    return r;
}

YC_COROUTINE int main(void) {
    printf("%d %d\n", sum_all(3, 1, 2, 3), YC_AWAIT(vsum(4, 10, 20, 30, 40)));
    // CHECK: 6 100
    return 0;
}
