// break and continue in for and while loops that suspend, and in a loop
// nested in another, leave or restart the right loop after a resume.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE int main(void) {
    int sum = 0;
    for (int i = 0; i < 10; i++) {
        YC_YIELD();
        if (i % 2)
            continue;
        if (i > 6)
            break;
        sum += i;
    }
    printf("for sum=%d\n", sum);

    int n = 0;
    while (1) {
        n++;
        if (n == 2) {
            YC_YIELD();
            continue;
        }
        YC_YIELD();
        if (n >= 4)
            break;
        printf("while n=%d\n", n);
    }
    printf("while ended n=%d\n", n);

    int pairs = 0;
    for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
            YC_YIELD();
            if (j > i)
                break;
            pairs++;
        }
        YC_YIELD();
    }
    printf("pairs=%d\n", pairs);
    return 0;
}
// CHECK: for sum=12
// CHECK-NEXT: while n=1
// CHECK-NEXT: while n=3
// CHECK-NEXT: while ended n=4
// CHECK-NEXT: pairs=6
