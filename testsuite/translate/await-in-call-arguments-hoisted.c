// An await in a call argument is hoisted into statements before the
// statement, and the call takes its temporary; the other arguments stay in
// place. A nested await runs the inner callee first and passes its result
// to the outer one. The temporaries are C locals, declared in the block
// that the statement becomes.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

YC_COROUTINE int g(int x);
int plain(int a, int b);

YC_COROUTINE int f(int k) {
    int r = plain(YC_AWAIT(g(1)), k);
    // CHECK: {{^ *}}int yc__t1;{{$}}
    // CHECK-NEXT: {{^#line 15 }}
    // CHECK-NEXT: {{^ *}}yc__cf = YC__NEW(g, 1); yc__t1 = yc__g_step(yc__cf, yc__s, 1);{{$}}
    // CHECK-NEXT: {{^#line 15 }}
    // CHECK-NEXT: {{^ *}}if (YC__SUSPENDED()) { yc__save_1 return yc__f_z;
    // CHECK-SAME: yc__resume_1: yc__load_1 YC__RESUMED(); yc__t1 = YC__RESULT(g); } YC__FREE();{{$}}
    // CHECK-NEXT: {{^#line 15 }}
    // CHECK-NEXT: {{^ *}}int r = plain(yc__t1, k);
    r += plain(k, YC_AWAIT(g(YC_AWAIT(g(2)))));
    // CHECK: {{^ *}}{ int yc__t2; int yc__t3;{{$}}
    // CHECK-NEXT: {{^#line 24 }}
    // CHECK-NEXT: {{^ *}}yc__cf = YC__NEW(g, 2); yc__t2 = yc__g_step(yc__cf, yc__s, 2);{{$}}
    // CHECK-NEXT: {{^#line 24 }}
    // CHECK-NEXT: {{^ *}}if (YC__SUSPENDED()) { yc__save_2 return yc__f_z;
    // CHECK-SAME: yc__t2 = YC__RESULT(g); } YC__FREE();{{$}}
    // CHECK-NEXT: {{^#line 24 }}
    // CHECK-NEXT: {{^ *}}yc__cf = YC__NEW(g, 3); yc__t3 = yc__g_step(yc__cf, yc__s, yc__t2);{{$}}
    // CHECK-NEXT: {{^#line 24 }}
    // CHECK-NEXT: {{^ *}}if (YC__SUSPENDED()) { yc__save_3 return yc__f_z;
    // CHECK-SAME: yc__t3 = YC__RESULT(g); } YC__FREE();{{$}}
    // CHECK-NEXT: {{^#line 24 }}
    // CHECK-NEXT: {{^ *}}r += plain(k, yc__t3); }
    return r;
}
