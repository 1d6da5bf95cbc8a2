// `&&` and `||` whose right operand awaits become an if statement before the
// statement, so the await runs only when C evaluates the right operand, and
// an int temporary holding 0 or 1 replaces the operator; an await in the
// left operand alone is simply hoisted, and the operator stays.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

YC_COROUTINE int g(int x);

YC_COROUTINE int f(int a) {
    int r = a && YC_AWAIT(g(1));
    // CHECK: {{^ *}}int yc__t1; int yc__t2;{{$}}
    // CHECK-NEXT: {{^#line 13 }}
    // CHECK-NEXT: {{^ *}}if (a) {{[{]$}}
    // CHECK-NEXT: {{^#line 13 }}
    // CHECK-NEXT: {{^ *}}yc__cf = YC__NEW(g, 1); yc__t1 = yc__g_step(yc__cf, yc__s, 1);{{$}}
    // CHECK-NEXT: {{^#line 13 }}
    // CHECK-NEXT: {{^ *}}if (YC__SUSPENDED()) {{.*}} yc__t1 = YC__RESULT(g); } YC__FREE();{{$}}
    // CHECK-NEXT: {{^#line 13 }}
    // CHECK-NEXT: {{^ *}}yc__t2 = (yc__t1) != 0; } else yc__t2 = 0;{{$}}
    // CHECK-NEXT: {{^#line 13 }}
    // CHECK-NEXT: {{^ *}}int r = yc__t2;
    r += a || YC_AWAIT(g(2));
    // CHECK: {{^ *}}{ int yc__t3; int yc__t4;{{$}}
    // CHECK-NEXT: {{^#line 25 }}
    // CHECK-NEXT: {{^ *}}if (a) yc__t4 = 1; else {{[{]$}}
    // CHECK-NEXT: {{^#line 25 }}
    // CHECK-NEXT: {{^ *}}yc__cf = YC__NEW(g, 2); yc__t3 = yc__g_step(yc__cf, yc__s, 2);{{$}}
    // CHECK-NEXT: {{^#line 25 }}
    // CHECK-NEXT: {{^ *}}if (YC__SUSPENDED()) {{.*}} yc__t3 = YC__RESULT(g); } YC__FREE();{{$}}
    // CHECK-NEXT: {{^#line 25 }}
    // CHECK-NEXT: {{^ *}}yc__t4 = (yc__t3) != 0; }{{$}}
    // CHECK-NEXT: {{^#line 25 }}
    // CHECK-NEXT: {{^ *}}r += yc__t4; }
    return r + (YC_AWAIT(g(3)) && a);
    // CHECK: {{^ *}}{ int yc__t5;{{$}}
    // CHECK-NEXT: {{^#line 37 }}
    // CHECK-NEXT: {{^ *}}yc__cf = YC__NEW(g, 3); yc__t5 = yc__g_step(yc__cf, yc__s, 3);{{$}}
    // CHECK-NEXT: {{^#line 37 }}
    // CHECK-NEXT: {{^ *}}if (YC__SUSPENDED()) {{.*}} yc__t5 = YC__RESULT(g); } YC__FREE();{{$}}
    // CHECK-NEXT: {{^#line 37 }}
    // CHECK-NEXT: {{^ *}}return r + (yc__t5 && a); }
}
