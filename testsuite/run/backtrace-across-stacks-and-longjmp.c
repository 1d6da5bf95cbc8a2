// yc_backtrace names every coroutine on a stackful micro-thread's stack,
// each at its line, even after a longjmp has left a coroutine call on that
// stack without returning from it: g jumps back into f, and the next
// backtrace shows h, f and main, not g. (f and g take the stackful form
// in either lowering, for setjmp and longjmp.)
// RUN: %yieldc %s -o %t.c 2> %t.warnings && %cc %t.c -o %t
// RUN: %run %t | FileCheck %s --match-full-lines

#include <setjmp.h>
#include <yieldc.h>

static jmp_buf jb;

YC_COROUTINE static int g(void) {
    YC_YIELD();
    longjmp(jb, 1);
    return 0;
}

YC_COROUTINE static int h(void) {
    YC_YIELD();
    return YC_AWAIT(yc_backtrace(1));
}

YC_COROUTINE static int f(void) {
    if (setjmp(jb) == 0)
        YC_AWAIT(g());
    return YC_AWAIT(h());
}

YC_COROUTINE int main(void) {
    for (int i = 0; i < 2; i++)
        YC_AWAIT(f());
    return YC_AWAIT(yc_backtrace(1));
}
// CHECK:      yieldc: backtrace of task 1 (main):
// CHECK-NEXT:   at h ({{.*}}.c:22)
// CHECK-NEXT:   at f ({{.*}}.c:28)
// CHECK-NEXT:   at main ({{.*}}.c:33)
// CHECK-NEXT: yieldc: backtrace of task 1 (main):
// CHECK-NEXT:   at h ({{.*}}.c:22)
// CHECK-NEXT:   at f ({{.*}}.c:28)
// CHECK-NEXT:   at main ({{.*}}.c:33)
// CHECK-NEXT: yieldc: backtrace of task 1 (main):
// CHECK-NEXT:   at main ({{.*}}.c:34)
// CHECK-NOT: {{.}}
