// A local whose address is taken and an array live in the frame ("lives
// there": the step function names the frame field, not a C copy) whenever
// their scope holds a suspension point, even if they are not read after it
// (a pointer could reach them from anywhere); the pointer itself, and an
// address-taken local of a block without suspension points, stay C locals.
// The arguments (copied into the step's parameters on the first step) and
// the locals saved across suspensions share the frame as a union.
// RUN: %yieldc --frame-report %s -o %t.c | FileCheck %s
// RUN: echo '_Static_assert(sizeof(struct yc__pinned_frame) == 40, "");' >> %t.c
// RUN: %cc -fsyntax-only %t.c

#include <yieldc.h>

YC_COROUTINE int pinned(int a) {
    int seen = a;
    int *p = &seen;
    *p += 1;
    char buf[8];
    buf[0] = 'x';
    YC_YIELD();
    {
        int local = 3;
        int *q = &local;
        *q += 1;
        a += local;
    }
    return a;
}
// CHECK-LABEL: frame of pinned:
// CHECK-NEXT: 0 16 header
// CHECK-NEXT: 16 4 result (int)
// CHECK-NEXT: 24 4 argument a (int)
// CHECK-NEXT: 24 4 param a (int)
// CHECK-NEXT: 28 4 local seen (int), lives there
// CHECK-NEXT: 32 8 local buf (char[8]), lives there
// CHECK-NEXT: size 40 bytes, 1 suspension point
// CHECK-NEXT: C locals: p, local, q
