// gdb stops at a breakpoint set by file:line of the original source inside
// a coroutine (the #line directives map the step function back), and
// $yc_local (runtime/gdb/yieldc-gdb.py) prints a local kept across
// suspensions wherever it lives: a frame field (yc__f->count) in the state
// machine, a C local in the stackful form. At the third stop, after three
// real suspensions (another task is ready each time), count is 3.
// REQUIRES: gdb
// RUN: %yieldc %s -o %t.c && %cc -O0 %t.c -o %t
// RUN: gdb -q -batch -nx -x %{yieldc_gdb} -ex 'break %s:%(line+18)' \
// RUN:   -ex run -ex 'print $yc_local("count")' -ex 'print $yc_local("n")' \
// RUN:   -ex continue -ex 'print $yc_local("count")' \
// RUN:   -ex continue -ex 'print $yc_local("count")' %t 2>&1 | FileCheck %s

#include <yieldc.h>

static volatile int seen;
YC_COROUTINE static void other(void) {
    for (int i = 0; i < 5; i++)
        YC_YIELD();
}

YC_COROUTINE static int counter(int n) {
    int count = 0;
    for (int i = 0; i < n; i++) {
        YC_YIELD();
        count++;
        seen = count; // the breakpoint's line
    }
    return count;
}

// CHECK: Breakpoint 1, {{.*}} at {{.*}}gdb-breakpoint-and-frame-locals.c:27
// CHECK-NEXT: {{^}}27{{[[:space:]]+}}seen = count; // the breakpoint's line
// CHECK-NEXT: {{^}}$1 = 1{{$}}
// CHECK-NEXT: {{^}}$2 = 3{{$}}
// CHECK: Breakpoint 1, {{.*}} at {{.*}}gdb-breakpoint-and-frame-locals.c:27
// CHECK: {{^}}$3 = 2{{$}}
// CHECK: Breakpoint 1, {{.*}} at {{.*}}gdb-breakpoint-and-frame-locals.c:27
// CHECK: {{^}}$4 = 3{{$}}

YC_COROUTINE int main(void) {
    YC_SPAWN(other());
    return YC_AWAIT(counter(3)) == 3 ? 0 : 1;
}
