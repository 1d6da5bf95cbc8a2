// Translating the same input twice gives the same bytes, whatever the
// output file is called: nothing in the output depends on addresses, time
// or the output path (several coroutines, shadowed locals, prototypes and
// spawns exercise every table the translator builds).
// RUN: %yieldc %s -o %t.first.c
// RUN: %yieldc %s -o %t.second.c
// RUN: diff %t.first.c %t.second.c
// RUN: %yieldc %s -o - > %t.stdout.c
// RUN: diff %t.first.c %t.stdout.c
// RUN: %cc -fsyntax-only -Werror %t.first.c

#include <yieldc.h>

struct pt {
    int x, y;
};

YC_COROUTINE static int later(int n);
YC_COROUTINE struct pt move(struct pt p, int d);

YC_COROUTINE static void side(int id) {
    int a[4] = {id, id, id, id};
    YC_YIELD();
    (void)a;
}

YC_COROUTINE struct pt move(struct pt p, int d) {
    int x = p.x;
    {
        int x = d;
        YC_YIELD();
        p.y += x;
    }
    p.x = YC_AWAIT(later(x));
    return p;
}

YC_COROUTINE static int later(int n) {
    YC_SPAWN(side(n));
    YC_YIELD();
    return n + 1;
}

void start(void) { YC_SPAWN(side(0)); }
