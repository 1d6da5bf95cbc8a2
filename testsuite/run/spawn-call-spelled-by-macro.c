// The call inside YC_SPAWN in a plain function, as written: arguments
// holding comments with parentheses and commas, and a call that a macro
// writes (spelled out first). Each task gets its own arguments.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static int show(int a, int b) {
    YC_YIELD();
    printf("show %d %d\n", a, b);
    return 0;
}

#define SHOW_BOTH show(3, 4)
#define SHOWER show

static void start(void) {
    YC_SPAWN(show(1 /* ) , */, 2));
    YC_SPAWN(SHOW_BOTH);
    YC_SPAWN(SHOWER(5, 6));
}

int main(void) {
    start();
    while (yc_sched_run_ready() == 0)
        ;
    return 0;
}
// CHECK: show 1 2
// CHECK-NEXT: show 3 4
// CHECK-NEXT: show 5 6
