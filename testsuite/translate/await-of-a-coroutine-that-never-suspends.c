// An await of a coroutine of this file that can never suspend - no yield,
// and every await in it of such a coroutine; recursion, mutual included,
// is one - is a plain call of its step function, with no frame: its step
// function has no dispatch on the resume state. An await of a coroutine
// that may suspend (it yields, awaits one that does, awaits through a
// pointer or a runtime call) stays an await, and so does one whose callee
// is not named as written, NAME( (a macro for the name is expanded first),
// or whose arguments suspend.
// RUN: %yieldc %s -o - | FileCheck %s

#include <yieldc.h>

YC_COROUTINE static int leaf(int x) { return x + 1; }
// CHECK: #define yc__leaf_enter
// CHECK-NOT: switch
// CHECK: static int yc__leaf_step(

YC_COROUTINE static int fib(int n) {
    return n < 2 ? n : YC_AWAIT(fib(n - 1)) + YC_AWAIT(fib(n - 2));
}
// CHECK: return n < 2 ? n : (yc__fib_step((struct yc__frame *)0, yc__s, n - 1)) + (yc__fib_step((struct yc__frame *)0, yc__s, n - 2));

YC_COROUTINE static void pause(void) { YC_YIELD(); }
YC_COROUTINE static int ping(int n);
YC_COROUTINE static int pong(int n) { return n ? YC_AWAIT(ping(n - 1)) : 0; }
YC_COROUTINE static int ping(int n) {
    if (n == 3)
        YC_AWAIT(pause());
    return n ? YC_AWAIT(pong(n - 1)) : 0;
}
// ping awaits pause, which yields, so neither ping nor pong is a call.
// CHECK-LABEL: static int yc__pong_step(
// CHECK: yc__cf = YC__NEW(ping,
// CHECK-LABEL: static int yc__ping_step(
// CHECK: yc__cf = YC__NEW(pause,
// CHECK: yc__cf = YC__NEW(pong,

#define LEAF leaf
typedef YC_COROUTINE int (*fn)(int);

YC_COROUTINE static int user(fn f, int x) {
    int a = YC_AWAIT(leaf(x));
    int b = YC_AWAIT(LEAF(x)) + YC_AWAIT((leaf)(x));
    int c = YC_AWAIT(f(x));
    int d = YC_AWAIT(leaf(YC_AWAIT(pong(x))));
    int e = YC_AWAIT(yc_sleep_for(0));
    return a + b + c + d + e;
}
// CHECK-LABEL: static int yc__user_step(
// CHECK: int a = (yc__leaf_step((struct yc__frame *)0, yc__s, x));
// CHECK: yc__cf = YC__NEW(leaf,
// CHECK: int b = (yc__leaf_step((struct yc__frame *)0, yc__s, x)) + yc__t{{[0-9]+}};
// CHECK: yc__await_request(
// CHECK: yc__cf = YC__NEW(pong,
// CHECK: yc__cf = YC__NEW(leaf,
// CHECK: yc__cf = YC__NEW(yc_sleep_for,
