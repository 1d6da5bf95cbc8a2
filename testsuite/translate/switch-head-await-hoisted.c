// An await in a switch head is hoisted before the switch, which then
// switches on its temporary; an await in a case body is lowered in place,
// between the case label and the break; an await in an if condition is
// hoisted before the if.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

YC_COROUTINE int g(int x);

YC_COROUTINE int f(int n) {
    int r = 0;
    switch (YC_AWAIT(g(n))) {
    // CHECK: {{^ *}}{ int yc__t2;{{$}}
    // CHECK-NEXT: {{^#line 14 }}
    // CHECK-NEXT: {{^ *}}yc__cf = YC__NEW(g, 2); yc__t2 = yc__g_step(yc__cf, yc__s, n);{{$}}
    // CHECK-NEXT: {{^#line 14 }}
    // CHECK-NEXT: {{^ *}}if (YC__SUSPENDED()) {{.*}} yc__t2 = YC__RESULT(g); } YC__FREE();{{$}}
    // CHECK-NEXT: {{^#line 14 }}
    // CHECK-NEXT: {{^ *}}switch (yc__t2) {{[{]$}}
    case 0:
        r = YC_AWAIT(g(10));
        // CHECK: {{^ *}}case 0:{{$}}
        // CHECK-NEXT: {{^ *}}{ int yc__t1;{{$}}
        // CHECK-NEXT: {{^#line 23 }}
        // CHECK-NEXT: {{^ *}}yc__cf = YC__NEW(g, 1); yc__t1 = yc__g_step(yc__cf, yc__s, 10);{{$}}
        // CHECK-NEXT: {{^#line 23 }}
        // CHECK-NEXT: {{^ *}}if (YC__SUSPENDED()) {{.*}} yc__t1 = YC__RESULT(g); } YC__FREE();{{$}}
        // CHECK-NEXT: {{^#line 23 }}
        // CHECK-NEXT: {{^ *}}r = yc__t1; }
        break;
    default:
        r = -1;
    }
    if (YC_AWAIT(g(r)) > 0)
        r++;
    // CHECK: {{^ *}}{ int yc__t3;{{$}}
    // CHECK-NEXT: {{^#line 36 }}
    // CHECK-NEXT: {{^ *}}yc__cf = YC__NEW(g, 3); yc__t3 = yc__g_step(yc__cf, yc__s, r);{{$}}
    // CHECK-NEXT: {{^#line 36 }}
    // CHECK-NEXT: {{^ *}}if (YC__SUSPENDED()) {{.*}} yc__t3 = YC__RESULT(g); } YC__FREE();{{$}}
    // CHECK-NEXT: {{^#line 36 }}
    // CHECK-NEXT: {{^ *}}if (yc__t3 > 0){{$}}
    // CHECK-NEXT: {{^ *}}r++; }
    return r;
}
