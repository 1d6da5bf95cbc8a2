// A void coroutine is awaited as a statement; it may return early with a
// bare `return;` before or after suspending, or fall off its end.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static void log_twice(const char *msg) {
    printf("%s 1\n", msg);
    YC_YIELD();
    printf("%s 2\n", msg);
}

YC_COROUTINE static void stop_at(int stop) {
    for (int i = 0;; i++) {
        if (i == stop) {
            printf("return at %d\n", i);
            return;
        }
        YC_YIELD();
    }
}

YC_COROUTINE static void nested(void) {
    YC_AWAIT(log_twice("nested"));
    YC_AWAIT(stop_at(0));
}

YC_COROUTINE int main(void) {
    YC_AWAIT(log_twice("a"));
    YC_AWAIT(stop_at(0));
    YC_AWAIT(stop_at(3));
    YC_AWAIT(nested());
    printf("main end\n");
    return 0;
}
// CHECK: a 1
// CHECK-NEXT: a 2
// CHECK-NEXT: return at 0
// CHECK-NEXT: return at 3
// CHECK-NEXT: nested 1
// CHECK-NEXT: nested 2
// CHECK-NEXT: return at 0
// CHECK-NEXT: main end
