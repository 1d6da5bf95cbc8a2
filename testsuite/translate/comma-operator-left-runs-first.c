// A comma whose right operand awaits: the left operand is emitted first as
// a statement of its own, then the await, so the callee sees the left
// operand's side effects; a void await on the left becomes ((void)0) in the
// remaining expression.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

YC_COROUTINE int g(int x);
YC_COROUTINE void v(void);

YC_COROUTINE int f(int a) {
    int r = (a++, YC_AWAIT(g(a)));
    // CHECK: {{^ *}}int yc__t1;{{$}}
    // CHECK-NEXT: {{^#line 14 }}
    // CHECK-NEXT: {{^ *}}(void)(a++);{{$}}
    // CHECK-NEXT: {{^#line 14 }}
    // CHECK-NEXT: {{^ *}}yc__cf = YC__NEW(g, 1); yc__t1 = yc__g_step(yc__cf, yc__s, a);{{$}}
    // CHECK-NEXT: {{^#line 14 }}
    // CHECK-NEXT: {{^ *}}if (YC__SUSPENDED()) {{.*}} yc__t1 = YC__RESULT(g); } YC__FREE();{{$}}
    // CHECK-NEXT: {{^#line 14 }}
    // CHECK-NEXT: {{^ *}}int r = ((yc__t1));
    r = (YC_AWAIT(v()), r + a);
    // CHECK: {{^ *}}{ yc__cf = YC__NEW(v, 2); yc__v_step(yc__cf, yc__s);{{$}}
    // CHECK-NEXT: {{^#line 24 }}
    // CHECK-NEXT: {{^ *}}if (YC__SUSPENDED()) {{.*}} YC__RESUMED(); } YC__FREE();{{$}}
    // CHECK-NEXT: {{^#line 24 }}
    // CHECK-NEXT: {{^ *}}r = (((void)0), r + a); }
    return r;
}
