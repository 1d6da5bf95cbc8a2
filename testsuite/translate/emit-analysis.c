// --emit=analysis tells, per coroutine, which lowering it got and why, its
// suspension points with their locations and what each suspends on, and
// its frame layout; --emit takes a list of the parts (fallback, susp,
// frame), and -o may be left out. Checks are anchored: each names the
// start of a report line.
// RUN: %yieldc --emit=analysis %s 2>/dev/null | FileCheck %s
// RUN: %yieldc --emit=susp,fallback %s -o %t.c 2>/dev/null \
// RUN:   | FileCheck %s --check-prefix=PARTS
// RUN: %cc -fsyntax-only %t.c
// RUN: %yieldc --stackful --emit=fallback %s 2>/dev/null \
// RUN:   | FileCheck %s --check-prefix=FORCED

#include <yieldc.h>

YC_COROUTINE static int leaf(int x) { return x; }

typedef YC_COROUTINE int (*op_fn)(int);

YC_COROUTINE static int worker(op_fn op, int n) {
    int total = 0;
    for (int i = 0; i < n; i++) {
        total += YC_AWAIT(leaf(i));
        YC_YIELD();
        total += YC_AWAIT(op(i));
        total += YC_AWAIT(yc_sleep_for(0));
    }
    return total;
}

YC_COROUTINE static int vla(int n) {
    int a[n];
    a[0] = n;
    YC_YIELD();
    return a[0];
}

// CHECK: {{^}}lowering of leaf: state machine
// CHECK-NEXT: {{^}}suspension points of leaf: 0
// CHECK-NEXT: {{^}}frame of leaf:
// CHECK:      {{^}}lowering of worker: state machine
// CHECK-NEXT: {{^}}suspension points of worker: 3
// CHECK-NEXT: {{^}}  {{.*}}emit-analysis.c:23:9: YC_YIELD{{$}}
// CHECK-NEXT: {{^}}  {{.*}}emit-analysis.c:24:18: YC_AWAIT through a coroutine pointer{{$}}
// CHECK-NEXT: {{^}}  {{.*}}emit-analysis.c:25:18: YC_AWAIT of yc_sleep_for(){{$}}
// CHECK-NEXT: {{^}}  {{.*}}emit-analysis.c:22:18: YC_AWAIT of leaf(), a plain call: it never suspends{{$}}
// CHECK-NEXT: {{^}}frame of worker:
// CHECK-NEXT: {{^}}     0   16  header{{$}}
// CHECK-NEXT: {{^}}    16    4  result (int){{$}}
// CHECK-NEXT: {{^}}    24    8  argument op (op_fn){{$}}
// CHECK-NEXT: {{^}}    32    4  argument n (int){{$}}
// CHECK-NEXT: {{^}}    24    8  param op (op_fn){{$}}
// CHECK-NEXT: {{^}}    32    4  param n (int){{$}}
// CHECK-NEXT: {{^}}    36    4  local total (int){{$}}
// CHECK-NEXT: {{^}}    40    4  local i (int){{$}}
// CHECK-NEXT: {{^}}  size 48 bytes, 3 suspension points{{$}}
// CHECK-NEXT: {{^}}lowering of vla: stackful{{$}}
// CHECK-NEXT: {{^}}  because of a variable-length array at {{.*}}emit-analysis.c:31:5{{$}}
// CHECK-NEXT: {{^}}suspension points of vla: 1
// CHECK-NEXT: {{^}}  {{.*}}emit-analysis.c:33:5: YC_YIELD{{$}}
// CHECK-NEXT: {{^}}frame of vla: stackful (a variable-length array), locals on its own stack{{$}}
// CHECK-NOT: {{.}}

// PARTS: {{^}}lowering of leaf: state machine
// PARTS-NEXT: {{^}}suspension points of leaf: 0
// PARTS-NEXT: {{^}}lowering of worker: state machine
// PARTS-NEXT: {{^}}suspension points of worker: 3
// PARTS-NOT: {{^}}frame of

// FORCED: {{^}}lowering of leaf: stackful, as --stackful asks
// FORCED-NEXT: {{^}}lowering of worker: stackful, as --stackful asks
// FORCED-NEXT: {{^}}lowering of vla: stackful{{$}}
// FORCED-NEXT: {{^}}  because of a variable-length array at {{.*}}emit-analysis.c:31:5{{$}}
// FORCED-NOT: {{.}}
