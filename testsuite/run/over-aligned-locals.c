// Locals declared _Alignas(64) or _Alignas(4096), and an over-aligned
// type, whose addresses are taken across suspension points, keep their
// alignment (the coroutine takes the stackful form for them).
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdint.h>
#include <stdio.h>
#include <yieldc.h>

typedef struct {
    _Alignas(128) char c;
} wide;

YC_COROUTINE static int aligned(void) {
    _Alignas(64) char small[16];
    _Alignas(4096) char page[64];
    wide w;
    char *p = small, *q = page;
    wide *r = &w;
    YC_YIELD();
    return (int)((uintptr_t)p % 64) + (int)((uintptr_t)q % 4096) +
           (int)((uintptr_t)r % 128);
}

YC_COROUTINE int main(void) {
    printf("%d\n", YC_AWAIT(aligned()));
    // CHECK: 0
    return 0;
}
