// A main coroutine that runs off the end of its body returns 0, as C's
// main does, in both lowerings (and after suspending, on its own stack).
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t && echo "status 0" | FileCheck %s
// CHECK: status 0

#include <yieldc.h>

static volatile int junk = 42;

YC_COROUTINE static int spoil(void) {
    YC_YIELD();
    return junk; // leaves 42 in the result register
}

YC_COROUTINE int main(void) {
    YC_YIELD();
    junk = YC_AWAIT(spoil()) + 1; // and 43 in it here
}
