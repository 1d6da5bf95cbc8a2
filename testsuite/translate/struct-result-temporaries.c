// A struct-returning coroutine returns a compound literal with its own
// `return`; an awaited struct result goes through a temporary of the
// struct type, whose members are then read, and that temporary is saved in
// the frame when a later await in the same expression comes before its
// use.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

struct pair {
    int a, b;
};

YC_COROUTINE struct pair mk(int a);

// CHECK: {{^}}struct pair yc__swap_step(struct yc__frame *, struct yc__sched *, int);
YC_COROUTINE struct pair swap(int a) {
    struct pair p = YC_AWAIT(mk(a));
    // CHECK: {{^ *}}struct pair yc__t1;{{$}}
    // CHECK-NEXT: {{^#line 19 }}
    // CHECK-NEXT: {{^ *}}yc__cf = YC__NEW(mk, 1); yc__t1 = yc__mk_step(yc__cf, yc__s, a);{{$}}
    // CHECK-NEXT: {{^#line 19 }}
    // CHECK-NEXT: {{^ *}}if (YC__SUSPENDED()) {{.*}} yc__t1 = YC__RESULT(mk); } YC__FREE();{{$}}
    // CHECK-NEXT: {{^#line 19 }}
    // CHECK-NEXT: {{^ *}}struct pair p = yc__t1;
    return (struct pair){p.b, p.a};
    // CHECK: {{^ *}}return (struct pair){p.b, p.a};
}

// CHECK: {{^}}struct yc__sum_frame { struct yc__sum_res yc__res; union { struct { int a; } yc__a; struct { int a; struct pair yc__t1; }; }; };
// CHECK: {{^}}#define yc__save_2 {{\\}}
// CHECK-NEXT: {{^}}    yc__f->a = a; yc__f->yc__t1 = yc__t1;
YC_COROUTINE int sum(int a) {
    return YC_AWAIT(mk(a)).a + YC_AWAIT(mk(a)).b;
    // CHECK: {{^ *}}{ struct pair yc__t1; struct pair yc__t2;{{$}}
    // CHECK-NEXT: {{^#line 35 }}
    // CHECK-NEXT: {{^ *}}yc__cf = YC__NEW(mk, 1); yc__t1 = yc__mk_step(yc__cf, yc__s, a);{{$}}
    // CHECK-NEXT: {{^#line 35 }}
    // CHECK-NEXT: {{^ *}}if (YC__SUSPENDED()) {{.*}} yc__t1 = YC__RESULT(mk); } YC__FREE();{{$}}
    // CHECK-NEXT: {{^#line 35 }}
    // CHECK-NEXT: {{^ *}}yc__cf = YC__NEW(mk, 2); yc__t2 = yc__mk_step(yc__cf, yc__s, a);{{$}}
    // CHECK-NEXT: {{^#line 35 }}
    // CHECK-NEXT: {{^ *}}if (YC__SUSPENDED()) {{.*}} yc__t2 = YC__RESULT(mk); } YC__FREE();{{$}}
    // CHECK-NEXT: {{^#line 35 }}
    // CHECK-NEXT: {{^ *}}return yc__t1.a + yc__t2.b; }
}
