// A YC_YIELD or YC_AWAIT statement that is the whole, unbraced body of an
// if, an else, a while or a for suspends and resumes inside that body only.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

static int steps;

YC_COROUTINE static int step(int v) {
    steps++;
    YC_YIELD();
    return v + 1;
}

YC_COROUTINE int main(void) {
    int w = 0;
    while (w < 3)
        w = YC_AWAIT(step(w));
    printf("while w=%d steps=%d\n", w, steps);

    for (int i = 0; i < 4; i++)
        YC_YIELD();
    for (int i = 0; i < 2; i++)
        YC_AWAIT(step(i));
    printf("for steps=%d\n", steps);

    if (w == 3)
        YC_YIELD();
    else
        w = YC_AWAIT(step(100));
    if (w != 3)
        YC_YIELD();
    else
        w = YC_AWAIT(step(w));
    printf("if w=%d steps=%d\n", w, steps);
    return 0;
}
// CHECK: while w=3 steps=3
// CHECK-NEXT: for steps=5
// CHECK-NEXT: if w=4 steps=6
