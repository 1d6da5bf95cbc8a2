// `x op= YC_AWAIT(f())` hoists the await and keeps the compound assignment
// on its temporary, so the target is read after the callee returns and an
// lvalue with a side effect (`a[i++]`) is still evaluated once; the locals
// it reads are saved across the await and reloaded.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

YC_COROUTINE int g(int x);

// CHECK: {{^}}#define yc__save_2 {{\\}}
// CHECK-NEXT: {{^}}    yc__f->a = a; yc__f->i = i; yc__f->x = x;
YC_COROUTINE int f(int *a, int i) {
    int x = 1;
    x += YC_AWAIT(g(x));
    // CHECK: {{^ *}}{ int yc__t1;{{$}}
    // CHECK-NEXT: {{^#line 16 }}
    // CHECK-NEXT: {{^ *}}yc__cf = YC__NEW(g, 1); yc__t1 = yc__g_step(yc__cf, yc__s, x);{{$}}
    // CHECK-NEXT: {{^#line 16 }}
    // CHECK-NEXT: {{^ *}}if (YC__SUSPENDED()) { yc__save_1 return yc__f_z;
    // CHECK-SAME: yc__resume_1: yc__load_1 YC__RESUMED(); yc__t1 = YC__RESULT(g); } YC__FREE();{{$}}
    // CHECK-NEXT: {{^#line 16 }}
    // CHECK-NEXT: {{^ *}}x += yc__t1; }
    a[i++] *= YC_AWAIT(g(2));
    // CHECK: {{^ *}}{ int yc__t2;{{$}}
    // CHECK-NEXT: {{^#line 25 }}
    // CHECK-NEXT: {{^ *}}yc__cf = YC__NEW(g, 2); yc__t2 = yc__g_step(yc__cf, yc__s, 2);{{$}}
    // CHECK-NEXT: {{^#line 25 }}
    // CHECK-NEXT: {{^ *}}if (YC__SUSPENDED()) { yc__save_2 return yc__f_z;
    // CHECK-SAME: yc__resume_2: yc__load_2 YC__RESUMED(); yc__t2 = YC__RESULT(g); } YC__FREE();{{$}}
    // CHECK-NEXT: {{^#line 25 }}
    // CHECK-NEXT: {{^ *}}a[i++] *= yc__t2; }
    return x + i;
}
