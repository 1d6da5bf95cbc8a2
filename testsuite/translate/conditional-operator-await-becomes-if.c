// `?:` with an await in an arm becomes an if statement whose branches each
// evaluate one arm into a temporary, so only the chosen arm is awaited; a
// void `?:` evaluates its arms for their effects only; an await in the
// condition alone is hoisted and the `?:` stays.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

YC_COROUTINE int g(int x);
YC_COROUTINE void v(void);

YC_COROUTINE int f(int a) {
    int r = a ? YC_AWAIT(g(1)) : 2;
    // CHECK: {{^ *}}int yc__t1; int yc__t2;{{$}}
    // CHECK-NEXT: {{^#line 14 }}
    // CHECK-NEXT: {{^ *}}if (a) {{[{]$}}
    // CHECK-NEXT: {{^#line 14 }}
    // CHECK-NEXT: {{^ *}}yc__cf = YC__NEW(g, 1); yc__t1 = yc__g_step(yc__cf, yc__s, 1);{{$}}
    // CHECK-NEXT: {{^#line 14 }}
    // CHECK-NEXT: {{^ *}}if (YC__SUSPENDED()) {{.*}} yc__t1 = YC__RESULT(g); } YC__FREE();{{$}}
    // CHECK-NEXT: {{^#line 14 }}
    // CHECK-NEXT: {{^ *}}yc__t2 = yc__t1; } else {{[{]$}}
    // CHECK-NEXT: {{^#line 14 }}
    // CHECK-NEXT: {{^ *}}yc__t2 = 2; }{{$}}
    // CHECK-NEXT: {{^#line 14 }}
    // CHECK-NEXT: {{^ *}}int r = yc__t2;
    a ? YC_AWAIT(v()) : YC_AWAIT(v());
    // CHECK: {{^ *}}{ if (a) {{[{]$}}
    // CHECK-NEXT: {{^#line 28 }}
    // CHECK-NEXT: {{^ *}}yc__cf = YC__NEW(v, 2); yc__v_step(yc__cf, yc__s);{{$}}
    // CHECK-NEXT: {{^#line 28 }}
    // CHECK-NEXT: {{^ *}}if (YC__SUSPENDED()) {{.*}} YC__RESUMED(); } YC__FREE();{{$}}
    // CHECK-NEXT: {{^#line 28 }}
    // CHECK-NEXT: {{^ *}}(void)(((void)0)); } else {{[{]$}}
    // CHECK-NEXT: {{^#line 28 }}
    // CHECK-NEXT: {{^ *}}yc__cf = YC__NEW(v, 3); yc__v_step(yc__cf, yc__s);{{$}}
    // CHECK-NEXT: {{^#line 28 }}
    // CHECK-NEXT: {{^ *}}if (YC__SUSPENDED()) {{.*}} YC__RESUMED(); } YC__FREE();{{$}}
    // CHECK-NEXT: {{^#line 28 }}
    // CHECK-NEXT: {{^ *}}(void)(((void)0)); }{{$}}
    // CHECK-NEXT: {{^#line 28 }}
    // CHECK-NEXT: {{^ *}}((void)0); }
    return YC_AWAIT(g(0)) ? r : 0;
    // CHECK: {{^ *}}{ int yc__t3;{{$}}
    // CHECK-NEXT: {{^#line 44 }}
    // CHECK-NEXT: {{^ *}}yc__cf = YC__NEW(g, 4); yc__t3 = yc__g_step(yc__cf, yc__s, 0);{{$}}
    // CHECK-NEXT: {{^#line 44 }}
    // CHECK-NEXT: {{^ *}}if (YC__SUSPENDED()) {{.*}} yc__t3 = YC__RESULT(g); } YC__FREE();{{$}}
    // CHECK-NEXT: {{^#line 44 }}
    // CHECK-NEXT: {{^ *}}return yc__t3 ? r : 0; }
}
