// The README's tour example: a coroutine that yields, awaited in a loop by
// a coroutine main. Keep the two in sync.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s
// CHECK: {{^}}12{{$}}

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static int twice(int x) {
    YC_YIELD();                      /* let others run */
    return 2 * x;
}

YC_COROUTINE int main(void) {        /* runs as the first task */
    int sum = 0;
    for (int i = 1; i <= 3; i++) {
        int d = YC_AWAIT(twice(i));  /* suspends until twice() returns */
        sum += d;
    }
    printf("%d\n", sum);             /* 12 */
    return 0;
}
