// A typedef, an enum, a struct and a union declared inside a coroutine's
// body and used by locals that live across suspensions (so the frame needs
// the types): the values, the enum constants and sizeof keep their C
// meaning.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static int val(int x) {
    YC_YIELD();
    return x;
}

YC_COROUTINE int main(void) {
    typedef long counter_t;
    enum colour { RED, GREEN = 5, BLUE };
    struct cell {
        enum colour c;
        counter_t n;
    };
    union view {
        struct cell cell;
        char raw[sizeof(struct cell)];
    };
    counter_t total = YC_AWAIT(val(40));
    enum colour col = BLUE;
    struct cell cells[2] = {{RED, 1}, {GREEN, YC_AWAIT(val(2))}};
    union view v;
    v.cell = cells[1];
    YC_YIELD();
    total += cells[0].n + cells[1].n + v.cell.n;
    printf("total=%ld col=%d cells=%d %d view=%d\n", total, col, cells[0].c,
           cells[1].c, v.cell.c);
    printf("sizes=%d %d\n", (int)(sizeof total == sizeof(long)),
           (int)(sizeof v.raw == sizeof(struct cell)));
    return 0;
}
// CHECK: total=45 col=6 cells=0 5 view=5
// CHECK-NEXT: sizes=1 1
