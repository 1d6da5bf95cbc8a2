// Array locals (initialized from a brace list, from a string, element by
// element, and two-dimensional) keep their contents across suspensions,
// decay to pointers that an awaited coroutine reads, and keep their size.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static int sum(const int *v, int n) {
    int total = 0;
    for (int i = 0; i < n; i++) {
        YC_YIELD();
        total += v[i];
    }
    return total;
}

YC_COROUTINE int main(void) {
    int a[5] = {1, 2, 3, 4, 5};
    char name[16] = "frame";
    int b[3];
    int grid[2][3] = {{1, 2, 3}, {4, 5, 6}};
    for (int i = 0; i < 3; i++)
        b[i] = i * i;
    YC_YIELD();
    int s = YC_AWAIT(sum(a, 5));
    int t = YC_AWAIT(sum(b, 3));
    int g = YC_AWAIT(sum(grid[1], 3));
    name[0] = 'F';
    YC_YIELD();
    printf("%s %d %d %d %d\n", name, s, t, g, grid[0][2]);
    printf("sizes %zu %zu %zu\n", sizeof a / sizeof a[0], sizeof name,
           sizeof grid / sizeof grid[0]);
    return 0;
}
// CHECK: Frame 15 5 15 3
// CHECK-NEXT: sizes 5 16 2
