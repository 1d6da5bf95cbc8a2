// A declaration with several declarators whose initializers await becomes
// one declaration per declarator, in order: each await, then that
// declaration, so a later initializer sees the earlier variable, which is
// saved across the later await. An array that lives in the frame is built
// from its initializer in a C local and copied into its slot.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

YC_COROUTINE int g(int x);

// CHECK: {{^}}#define yc__save_2 {{\\}}
// CHECK-NEXT: {{^}}    yc__f->a = a;
YC_COROUTINE int f(void) {
    int a = YC_AWAIT(g(1)), b = a + YC_AWAIT(g(2));
    // CHECK: {{^ *}}int yc__t1; int yc__t2;{{$}}
    // CHECK-NEXT: {{^#line 16 }}
    // CHECK-NEXT: {{^ *}}yc__cf = YC__NEW(g, 1); yc__t1 = yc__g_step(yc__cf, yc__s, 1);{{$}}
    // CHECK-NEXT: {{^#line 16 }}
    // CHECK-NEXT: {{^ *}}if (YC__SUSPENDED()) {{.*}} yc__t1 = YC__RESULT(g); } YC__FREE();{{$}}
    // CHECK-NEXT: {{^#line 16 }}
    // CHECK-NEXT: {{^ *}}int a = yc__t1;
    // CHECK: yc__cf = YC__NEW(g, 2); yc__t2 = yc__g_step(yc__cf, yc__s, 2);{{$}}
    // CHECK-NEXT: {{^#line 16 }}
    // CHECK-NEXT: {{^ *}}if (YC__SUSPENDED()) {{.*}} yc__t2 = YC__RESULT(g); } YC__FREE();{{$}}
    // CHECK-NEXT: {{^#line 16 }}
    // CHECK-NEXT: {{^ *}}int b = a + yc__t2;
    int arr[3] = {YC_AWAIT(g(3)), b};
    // CHECK: {{^ *}}int yc__t3;{{$}}
    // CHECK-NEXT: {{^#line 29 }}
    // CHECK-NEXT: {{^ *}}yc__cf = YC__NEW(g, 3); yc__t3 = yc__g_step(yc__cf, yc__s, 3);{{$}}
    // CHECK-NEXT: {{^#line 29 }}
    // CHECK-NEXT: {{^ *}}if (YC__SUSPENDED()) {{.*}} yc__t3 = YC__RESULT(g); } YC__FREE();{{$}}
    // CHECK-NEXT: {{^#line 29 }}
    // CHECK-NEXT: {{^ *}}{ int yc__v[3] = {yc__t3, b}; YC__MEMCPY(&yc__f->arr, &yc__v, sizeof yc__v); }
    return arr[0] + arr[1];
    // CHECK: {{^ *}}return yc__f->arr[0] + yc__f->arr[1];
}
