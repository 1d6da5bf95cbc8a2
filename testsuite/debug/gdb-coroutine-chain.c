// After a real suspension the scheduler resumes the innermost coroutine
// directly, so gdb's own backtrace stops in the scheduler and `print` cannot
// name a local kept in the frame. The commands of yieldc-gdb.py read the
// frames instead: yc-bt walks the awaiting callers with the lines they
// wait at, yc-frame lists the locals kept in a frame under their source
// names (an inner shadowing local as NAME (FIELD)), and frames
// pretty-print. The stackful form keeps plain C frames and locals, so
// this checks the state machine only.
// REQUIRES: gdb
// UNSUPPORTED: stackful
// RUN: %yieldc %s -o %t.c && %cc -O0 %t.c -o %t
// RUN: gdb -q -batch -nx -x %{yieldc_gdb} -ex 'break %s:%(line+24)' \
// RUN:   -ex run -ex 'print total' -ex 'print $yc_local("total")' \
// RUN:   -ex 'print $yc_local("step")' -ex yc-bt -ex yc-frame \
// RUN:   -ex 'yc-frame 1' -ex 'print *yc__f' %t 2>&1 | FileCheck %s

#include <yieldc.h>

static volatile long seen;

YC_COROUTINE static void other(void) {
    for (int i = 0; i < 5; i++)
        YC_YIELD();
}

YC_COROUTINE static long leaf(long base) {
    long total = base;
    int step = 10;
    for (int i = 0; i < 2; i++) {
        int step = 100 + i;
        YC_YIELD();
        total += step;
    }
    YC_YIELD();
    total += step;
    seen = total; // the breakpoint's line
    return total;
}

// CHECK: Breakpoint 1, yc__leaf_step {{.*}} at {{.*}}gdb-coroutine-chain.c:[[# @LINE - 4]]
// CHECK: No symbol "total" in current context.
// CHECK-NEXT: {{^}}$1 = 212{{$}}
// CHECK-NEXT: {{^}}$2 = 10{{$}}
// CHECK-NEXT: {{^}}#0  leaf ({{.*}}gdb-coroutine-chain.c:[[#BREAK:@LINE - 8]])
YC_COROUTINE static long middle(void) {
    long r = YC_AWAIT(leaf(1));
    // CHECK-NEXT: {{^}}#1  middle ({{.*}}gdb-coroutine-chain.c:[[#MIDDLE:@LINE - 1]])
    return r;
}

YC_COROUTINE int main(void) {
    YC_SPAWN(other());
    long r = YC_AWAIT(middle());
    // CHECK-NEXT: {{^}}#2  main ({{.*}}gdb-coroutine-chain.c:[[# @LINE - 1]])
    return r == 212 ? 0 : 1;
}

// CHECK-NEXT: {{^}}leaf ({{.*}}gdb-coroutine-chain.c:[[#BREAK]]), running
// CHECK-NEXT: {{^}}  base = 1
// CHECK-NEXT: {{^}}  total = 212
// CHECK-NEXT: {{^}}  step = 10
// CHECK-NEXT: {{^}}  i = 2
// CHECK-NEXT: {{^}}  step (yc__step_{{[0-9]+}}) = 101
// CHECK-NEXT: {{^}}middle ({{.*}}gdb-coroutine-chain.c:[[#MIDDLE]]), waiting
// The frame's resume state is the last YC_YIELD (two lines above BREAK).
// CHECK-NEXT: {{^}}$3 = frame of leaf ({{.*}}gdb-coroutine-chain.c:[[#BREAK - 2]]) = {base = 1, total = 212, step = 10, i = 2, step (yc__step_{{[0-9]+}}) = 101}
