// An await that is an operand of a unary operator, a cast, a binary or
// compound-assignment operator, a subscript or a member access is replaced
// by its temporary and the operators around it keep their text, so the
// expression means what C says; the temporaries are C locals of the
// awaited type.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

YC_COROUTINE int g(int x);

struct pair {
    int a, b;
};

YC_COROUTINE struct pair mk(int x);

YC_COROUTINE int f(int *arr, int k) {
    int r = -YC_AWAIT(g(1));
    // CHECK: {{^ *}}if (YC__SUSPENDED()) {{.*}} yc__t1 = YC__RESULT(g); } YC__FREE();{{$}}
    // CHECK-NEXT: {{^#line 20 }}
    // CHECK-NEXT: {{^ *}}int r = -yc__t1;
    r += ~YC_AWAIT(g(2)) & 0xff;
    // CHECK: {{^ *}}if (YC__SUSPENDED()) {{.*}} yc__t2 = YC__RESULT(g); } YC__FREE();{{$}}
    // CHECK-NEXT: {{^#line 24 }}
    // CHECK-NEXT: {{^ *}}r += ~yc__t2 & 0xff; }
    r ^= (unsigned char)YC_AWAIT(g(3)) << 2;
    // CHECK: {{^ *}}if (YC__SUSPENDED()) {{.*}} yc__t3 = YC__RESULT(g); } YC__FREE();{{$}}
    // CHECK-NEXT: {{^#line 28 }}
    // CHECK-NEXT: {{^ *}}r ^= (unsigned char)yc__t3 << 2; }
    r -= !YC_AWAIT(g(4));
    // CHECK: {{^ *}}if (YC__SUSPENDED()) {{.*}} yc__t4 = YC__RESULT(g); } YC__FREE();{{$}}
    // CHECK-NEXT: {{^#line 32 }}
    // CHECK-NEXT: {{^ *}}r -= !yc__t4; }
    arr[YC_AWAIT(g(k))] = r;
    // CHECK: {{^ *}}if (YC__SUSPENDED()) {{.*}} yc__t5 = YC__RESULT(g); } YC__FREE();{{$}}
    // CHECK-NEXT: {{^#line 36 }}
    // CHECK-NEXT: {{^ *}}arr[yc__t5] = r; }
    return r + YC_AWAIT(mk(k)).b;
    // CHECK: {{^ *}}{ struct pair yc__t6;{{$}}
    // CHECK-NEXT: {{^#line 40 }}
    // CHECK-NEXT: {{^ *}}yc__cf = YC__NEW(mk, 6); yc__t6 = yc__mk_step(yc__cf, yc__s, k);{{$}}
    // CHECK-NEXT: {{^#line 40 }}
    // CHECK-NEXT: {{^ *}}if (YC__SUSPENDED()) {{.*}} yc__t6 = YC__RESULT(mk); } YC__FREE();{{$}}
    // CHECK-NEXT: {{^#line 40 }}
    // CHECK-NEXT: {{^ *}}return r + yc__t6.b; }
}
