// A for statement whose clauses await: an awaiting init runs once before
// the loop, an awaiting condition moves to the top of the body with a
// break, and an awaiting increment runs after the body, which sits in a
// one-pass loop so that `continue` reaches the increment without being
// rewritten.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

YC_COROUTINE int g(int x);

YC_COROUTINE int f(int n) {
    int s = 0;
    for (int i = YC_AWAIT(g(0)); YC_AWAIT(g(i)) < n; i += YC_AWAIT(g(1))) {
        // CHECK: {{^ *}}{ int yc__t1; int yc__t3; int yc__t4;{{$}}
        // CHECK-NEXT: {{^#line 15 }}
        // CHECK-NEXT: {{^ *}}int yc__t2;{{$}}
        // CHECK-NEXT: {{^#line 15 }}
        // CHECK-NEXT: {{^ *}}yc__cf = YC__NEW(g, 1); yc__t2 = yc__g_step(yc__cf, yc__s, 0);{{$}}
        // CHECK-NEXT: {{^#line 15 }}
        // CHECK-NEXT: {{^ *}}if (YC__SUSPENDED()) {{.*}} yc__t2 = YC__RESULT(g); } YC__FREE();{{$}}
        // CHECK-NEXT: {{^#line 15 }}
        // CHECK-NEXT: {{^ *}}int i = yc__t2;
        // CHECK: {{^ *}}for (; ; ) {{[{]$}}
        // CHECK-NEXT: {{^#line 15 }}
        // CHECK-NEXT: {{^ *}}yc__cf = YC__NEW(g, 2); yc__t3 = yc__g_step(yc__cf, yc__s, i);{{$}}
        // CHECK-NEXT: {{^#line 15 }}
        // CHECK-NEXT: {{^ *}}if (YC__SUSPENDED()) {{.*}} yc__t3 = YC__RESULT(g); } YC__FREE();{{$}}
        // CHECK-NEXT: {{^#line 15 }}
        // CHECK-NEXT: {{^ *}}if (!(yc__t3 < n)) break;{{$}}
        // CHECK-NEXT: {{^#line 15 }}
        // CHECK-NEXT: {{^ *}}for (yc__t1 = 0; yc__t1 < 1; yc__t1++) {{[{]$}}
        if (i == 2)
            continue;
        // CHECK: {{^ *}}continue;
        s += i;
    }
    // CHECK: {{^ *}}} if (!yc__t1) break;{{$}}
    // CHECK-NEXT: {{^#line 15 }}
    // CHECK-NEXT: {{^ *}}yc__cf = YC__NEW(g, 3); yc__t4 = yc__g_step(yc__cf, yc__s, 1);{{$}}
    // CHECK-NEXT: {{^#line 15 }}
    // CHECK-NEXT: {{^ *}}if (YC__SUSPENDED()) {{.*}} yc__t4 = YC__RESULT(g); } YC__FREE();{{$}}
    // CHECK-NEXT: {{^#line 15 }}
    // CHECK-NEXT: {{^ *}}i += yc__t4; } }
    return s;
}
