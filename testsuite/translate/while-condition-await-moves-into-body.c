// A while condition that awaits moves into the loop body: `while (1)`
// awaits, then breaks when the condition is false, then runs the body; so
// the await runs before every iteration and `continue` needs no change.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

YC_COROUTINE int g(int x);

YC_COROUTINE int f(int n) {
    int s = 0;
    while (YC_AWAIT(g(s)) < n) {
        // CHECK: {{^ *}}while (1) { int yc__t1;{{$}}
        // CHECK-NEXT: {{^#line 13 }}
        // CHECK-NEXT: {{^ *}}yc__cf = YC__NEW(g, 1); yc__t1 = yc__g_step(yc__cf, yc__s, s);{{$}}
        // CHECK-NEXT: {{^#line 13 }}
        // CHECK-NEXT: {{^ *}}if (YC__SUSPENDED()) {{.*}} yc__t1 = YC__RESULT(g); } YC__FREE();{{$}}
        // CHECK-NEXT: {{^#line 13 }}
        // CHECK-NEXT: {{^ *}}if (!(yc__t1 < n)) break; {{[{]$}}
        if (s == 3) {
            s += 2;
            continue;
            // CHECK: {{^ *}}continue;
        }
        s++;
    }
    return s;
}
