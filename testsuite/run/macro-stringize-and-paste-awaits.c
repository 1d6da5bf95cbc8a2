// A macro that stringifies or pastes an argument holding YC_AWAIT or naming
// a local that lives in the frame: the string is the argument as written,
// the pasted name is the one written, and the awaits still run.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

#define LOG_INT(x) printf(#x " = %d\n", (x))
#define KEEP(v) (v##_seen = 1, (v))
#define NAME(a, b) a##b

static int total_seen;

YC_COROUTINE static int get(int v) {
    YC_YIELD();
    return v;
}

YC_COROUTINE int main(void) {
    LOG_INT(YC_AWAIT(get(7)));
    // CHECK: YC_AWAIT(get(7)) = 7
    int total = 1;
    int *p = &total;
    YC_YIELD();
    total = KEEP(total) + YC_AWAIT(get(2));
    LOG_INT(total + YC_AWAIT(get(3)));
    // CHECK-NEXT: total + YC_AWAIT(get(3)) = 6
    int NAME(my, var) = YC_AWAIT(get(5));
    printf("myvar %d total %d seen %d *p %d\n", myvar, total, total_seen, *p);
    // CHECK-NEXT: myvar 5 total 3 seen 1 *p 3
    return 0;
}
