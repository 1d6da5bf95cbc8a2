// Under the stackful form a coroutine runs as yc__NAME_body, a plain C
// function on a stack of its own, and the coroutines awaiting it are C
// callers on that stack: yc-bt lists each at the line it waits at, from
// the call records the stackful form keeps, and yc-frame N shows the C
// locals of the Nth.
// REQUIRES: gdb, stackful
// RUN: %yieldc %s -o %t.c && %cc -O0 %t.c -o %t
// RUN: gdb -q -batch -nx -x %{yieldc_gdb} -ex 'break %s:%(line+17)' \
// RUN:   -ex run -ex yc-bt -ex yc-frame -ex 'yc-frame 1' -ex 'yc-frame 2' \
// RUN:   %t 2>&1 | FileCheck %s

#include <yieldc.h>

static volatile long seen;

YC_COROUTINE static void other(void) {
    for (int i = 0; i < 3; i++)
        YC_YIELD();
}

YC_COROUTINE static long leaf(long base) {
    long total = base;
    YC_YIELD();
    total += 10;
    seen = total; // the breakpoint's line
    return total;
}

// CHECK: Breakpoint 1, yc__leaf_body {{.*}} at {{.*}}gdb-stackful-chain.c:[[#BREAK:@LINE - 4]]
// CHECK: {{^}}#0  leaf ({{.*}}gdb-stackful-chain.c:[[#BREAK]])
YC_COROUTINE static long middle(int k) {
    long r = YC_AWAIT(leaf(k));
    // CHECK-NEXT: {{^}}#1  middle ({{.*}}gdb-stackful-chain.c:[[#MIDDLE:@LINE - 1]])
    return r;
}

YC_COROUTINE int main(void) {
    YC_SPAWN(other());
    long r = YC_AWAIT(middle(1));
    // CHECK-NEXT: {{^}}#2  main ({{.*}}gdb-stackful-chain.c:[[#MAIN:@LINE - 1]])
    return r == 11 ? 0 : 1;
}

// CHECK-NEXT: {{^}}leaf ({{.*}}gdb-stackful-chain.c:[[#BREAK]]), running
// CHECK-NEXT: {{^}}  base = 1
// CHECK-NEXT: {{^}}  total = 11
// CHECK-NEXT: {{^}}middle ({{.*}}gdb-stackful-chain.c:[[#MIDDLE]]), waiting
// CHECK-NEXT: {{^}}  k = 1
// CHECK-NEXT: {{^}}  r = {{-?[0-9]+}}
// CHECK-NEXT: {{^}}main ({{.*}}gdb-stackful-chain.c:[[#MAIN]]), waiting
// CHECK-NEXT: {{^}}  r = {{-?[0-9]+}}
