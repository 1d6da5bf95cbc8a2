// YC_AWAIT in return statements: the awaited value itself, inside a larger
// expression, in the arms of ?: (only one is awaited), a struct result,
// nested awaits, and a return from inside a loop; a void coroutine returns
// early after a void await. Results equal a plain C reference.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

static int calls;

YC_COROUTINE static int val(int x) {
    calls++;
    YC_YIELD();
    return x;
}

struct pair {
    int a, b;
};

YC_COROUTINE static struct pair mk(int a) {
    YC_YIELD();
    struct pair p = {a, a + 1};
    return p;
}

YC_COROUTINE static int plain(void) { return YC_AWAIT(val(4)); }
YC_COROUTINE static int larger(int x) { return 2 * YC_AWAIT(val(x)) + 1; }
YC_COROUTINE static int choose(int c) {
    return c ? YC_AWAIT(val(10)) : YC_AWAIT(val(20));
}
YC_COROUTINE static struct pair forward(int a) { return YC_AWAIT(mk(a)); }
YC_COROUTINE static int nested(int x) { return YC_AWAIT(val(YC_AWAIT(val(x)) + 1)); }

YC_COROUTINE static int find(const int *v, int n, int want) {
    for (int i = 0; i < n; i++)
        if (v[i] == want)
            return YC_AWAIT(val(i));
    return -1;
}

static int out;

YC_COROUTINE static void store(int x) {
    YC_YIELD();
    out = x;
}

YC_COROUTINE static void early(int x) {
    if (x > 0) {
        YC_AWAIT(store(x));
        return;
    }
    out = -1;
}

YC_COROUTINE int main(void) {
    printf("plain=%d\n", YC_AWAIT(plain()));
    printf("larger=%d\n", YC_AWAIT(larger(5)));
    calls = 0;
    int c1 = YC_AWAIT(choose(1)), c0 = YC_AWAIT(choose(0));
    printf("choose=%d %d calls=%d\n", c1, c0, calls);
    struct pair p = YC_AWAIT(forward(6));
    printf("pair=%d %d\n", p.a, p.b);
    printf("nested=%d\n", YC_AWAIT(nested(7)));
    int v[4] = {5, 6, 7, 8};
    printf("find=%d %d\n", YC_AWAIT(find(v, 4, 7)), YC_AWAIT(find(v, 4, 9)));
    YC_AWAIT(early(3));
    printf("early out=%d\n", out);
    YC_AWAIT(early(0));
    printf("late out=%d\n", out);
    return 0;
}
// CHECK: plain=4
// CHECK-NEXT: larger=11
// CHECK-NEXT: choose=10 20 calls=2
// CHECK-NEXT: pair=6 7
// CHECK-NEXT: nested=8
// CHECK-NEXT: find=2 -1
// CHECK-NEXT: early out=3
// CHECK-NEXT: late out=-1
