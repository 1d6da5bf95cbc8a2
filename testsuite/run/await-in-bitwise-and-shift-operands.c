// YC_AWAIT as operands of &, |, ^, << and >> and on the right of their
// compound assignments: each result equals a plain C reference.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static unsigned val(unsigned x) {
    YC_YIELD();
    return x;
}

static unsigned ref(unsigned x) { return x; }

YC_COROUTINE int main(void) {
    unsigned m = 0x3c;
    printf("and %#x %#x\n", YC_AWAIT(val(0xf0)) & m, ref(0xf0) & m);
    printf("or %#x %#x\n", 0x0fu | YC_AWAIT(val(0x30)), 0x0fu | ref(0x30));
    printf("xor %#x %#x\n", YC_AWAIT(val(0xff)) ^ YC_AWAIT(val(0x0f)),
           ref(0xff) ^ ref(0x0f));
    printf("shl %u %u\n", 1u << YC_AWAIT(val(4)), 1u << ref(4));
    printf("shr %u %u\n", YC_AWAIT(val(256)) >> 3, ref(256) >> 3);
    unsigned x = 0xf, y = 0xf;
    x <<= YC_AWAIT(val(4));
    y <<= ref(4);
    x |= YC_AWAIT(val(1));
    y |= ref(1);
    x &= YC_AWAIT(val(0xf1));
    y &= ref(0xf1);
    x ^= YC_AWAIT(val(0x11));
    y ^= ref(0x11);
    x >>= YC_AWAIT(val(2));
    y >>= ref(2);
    printf("compound %#x %#x\n", x, y);
    return 0;
}
// CHECK: and 0x30 0x30
// CHECK-NEXT: or 0x3f 0x3f
// CHECK-NEXT: xor 0xf0 0xf0
// CHECK-NEXT: shl 16 16
// CHECK-NEXT: shr 32 32
// CHECK-NEXT: compound 0x38 0x38
