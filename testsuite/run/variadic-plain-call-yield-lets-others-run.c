// A variadic coroutine called from plain C runs on the caller's stack (it
// cannot have a frame of its own); its YC_YIELD() still lets the other
// micro-threads run, as the same yield does in a coroutine of fixed arity
// called from plain C, and as it does under --stackful.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t
// RUN: %run %t | FileCheck %s

#include <stdarg.h>
#include <stdio.h>
#include <yieldc.h>

static int ticks, done;

YC_COROUTINE static void ticker(void) {
    while (!done) {
        ticks++;
        YC_YIELD();
    }
}

YC_COROUTINE static int fixed(int n) {
    for (int i = 0; i < n; i++)
        YC_YIELD();
    return n;
}

YC_COROUTINE static int variadic(int n, ...) {
    va_list ap;
    va_start(ap, n);
    int extra = va_arg(ap, int);
    va_end(ap);
    for (int i = 0; i < n; i++)
        YC_YIELD();
    return n + extra;
}

static int plain_fixed(void) { return fixed(3); }
static int plain_variadic(void) { return variadic(3, 10); }

YC_COROUTINE int main(void) {
    YC_SPAWN(ticker());
    YC_YIELD(); // the ticker is waiting on its yield
    int before = ticks;
    int r = plain_fixed();
    printf("fixed: %d, ticker ran %d times\n", r, ticks - before);
    before = ticks;
    r = plain_variadic();
    printf("variadic: %d, ticker ran %d times\n", r, ticks - before);
    done = 1;
    return 0;
}
// CHECK: fixed: 3, ticker ran 3 times
// CHECK-NEXT: variadic: 13, ticker ran 3 times
