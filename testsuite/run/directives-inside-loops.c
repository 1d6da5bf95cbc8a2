// Preprocessor directives inside loops whose parts suspend: inside the
// body they stay where they are; between a loop's header and its body
// (where the rebuilt loop has no place for them) the coroutine takes the
// stackful form, and either way the program runs as written.
// (translate/fallback-reasons.c checks the reason.)
// RUN: %yieldc %s -o %t.c 2>/dev/null && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static int id(int x) {
    YC_YIELD();
    return x;
}

YC_COROUTINE static void inside(void) {
    for (int i = YC_AWAIT(id(0)); i < YC_AWAIT(id(2)); i++) {
#if 1
        printf("inside %d\n", i);
#else
        printf("never\n");
#endif
    }
}

YC_COROUTINE static void between(void) {
    for (int i = YC_AWAIT(id(0)); i < 2; i++)
#define SHOW(i) printf("between %d\n", i)
        SHOW(i);
#undef SHOW
}

YC_COROUTINE int main(void) {
    YC_AWAIT(inside());
    YC_AWAIT(between());
    return 0;
}
// CHECK: inside 0
// CHECK-NEXT: inside 1
// CHECK-NEXT: between 0
// CHECK-NEXT: between 1
