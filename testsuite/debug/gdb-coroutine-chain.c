// After a real suspension the scheduler resumes the innermost coroutine
// directly, so gdb's own backtrace stops in the scheduler, and a local that
// lives in the frame (here the outer `step`, shadowed where a suspension
// saves the others) is not a C local. The commands of yieldc-gdb.py read
// the frames instead: yc-bt walks the awaiting callers with the lines they
// wait at, yc-frame lists the C locals in scope and what the frame holds
// under their source names (an inner shadowing local as NAME (FIELD)), and
// frames pretty-print with the values saved at their last suspension. The
// stackful form keeps plain C frames and locals, so this checks the state
// machine only.
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
// CHECK: {{^}}$1 = 212{{$}}
// CHECK-NEXT: {{^}}$2 = 212{{$}}
// CHECK-NEXT: {{^}}$3 = 10{{$}}
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

// The running frame: total is a C local, step lives in the frame; the
// loop's i and inner step are out of scope and show what was saved.
// CHECK-NEXT: {{^}}leaf ({{.*}}gdb-coroutine-chain.c:[[#BREAK]]), running
// CHECK-NEXT: {{^}}  total = 212
// CHECK-NEXT: {{^}}  step = 10 (in the frame)
// CHECK-NEXT: {{^}}  i = 1 (in the frame)
// CHECK-NEXT: {{^}}  step (yc__step_{{[0-9]+}}) = 101 (in the frame)
// CHECK-NEXT: {{^}}middle ({{.*}}gdb-coroutine-chain.c:[[#MIDDLE]]), waiting
// The frame's resume state is the last YC_YIELD (two lines above BREAK);
// total was saved there, before `total += step`.
// CHECK-NEXT: {{^}}$4 = frame of leaf ({{.*}}gdb-coroutine-chain.c:[[#BREAK - 2]]) = {total = 202, step = 10, i = 1, step (yc__step_{{[0-9]+}}) = 101}
