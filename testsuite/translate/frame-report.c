// --frame-report prints each coroutine's frame: what lives in it, at which
// offset, and its size; the sizes agree with the C compiler's layout of the
// generated frame structs (checked with _Static_assert on the output).
// Locals not live across a suspension stay C locals of the step function;
// the arguments and the saved locals share the frame as a union.
// RUN: %yieldc --frame-report %s -o %t.c | FileCheck %s
// RUN: echo '_Static_assert(sizeof(struct yc__worker_frame) == 48, "");' >> %t.c
// RUN: echo '_Static_assert(sizeof(struct yc__leaf_frame) == 32, "");' >> %t.c
// (worker awaits a coroutine of another file, which may suspend: an await
// of one that never suspends, as leaf, would be a plain call.)
// RUN: %cc -fsyntax-only %t.c

#include <yieldc.h>

YC_COROUTINE static char leaf(char c) { return c; }
YC_COROUTINE char elsewhere(char c);

// CHECK-LABEL: frame of leaf:
// CHECK-NEXT: 0 16 header
// CHECK-NEXT: 16 1 result (char)
// CHECK-NEXT: 24 1 argument c (char)
// CHECK-NEXT: size 32 bytes, 0 suspension points
// CHECK-NEXT: C locals: c

YC_COROUTINE static long worker(int n) {
    long total = 0;
    int scratch = n * 2;       // dead before the first suspension
    total += scratch;
    char buf[4] = "abc";       // an array lives across the await
    for (int i = 0; i < n; i++)
        total += YC_AWAIT(elsewhere(buf[i % 3])) + YC_AWAIT(leaf('a'));
    return total;
}

// CHECK-LABEL: frame of worker:
// CHECK-NEXT: 0 16 header
// CHECK-NEXT: 16 8 result (long)
// CHECK-NEXT: 24 4 argument n (int)
// CHECK-NEXT: 24 4 param n (int)
// CHECK-NEXT: 32 8 local total (long)
// CHECK-NEXT: 40 4 local buf (char[4]), lives there
// CHECK-NEXT: 44 4 local i (int)
// CHECK-NEXT: size 48 bytes, 1 suspension point
// CHECK-NEXT: C locals: scratch
