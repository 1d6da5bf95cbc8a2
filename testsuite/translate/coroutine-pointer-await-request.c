// An await through a coroutine pointer evaluates the pointer once into a
// temporary, calls it with an await request (yc__await_request) so that a
// coroutine's wrapper only creates its frame, and runs that frame if there
// is one; a plain function behind the pointer has run in the call and its
// return value is the result. The pointer is not saved: nothing after the
// suspension uses it.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

typedef YC_COROUTINE int (*op_fn)(int);

struct ops {
    op_fn read;
};

// CHECK: {{^}}struct yc__f_frame { struct yc__f_res yc__res; struct { const struct ops *ops; int x; } yc__a; };
YC_COROUTINE int f(const struct ops *ops, int x) {
    int r = YC_AWAIT(ops->read(x));
    // CHECK: {{^ *}}int yc__t1; op_fn yc__t2;{{$}}
    // CHECK-NEXT: {{^#line 20 }}
    // CHECK-NEXT: {{^ *}}yc__t2 = (ops->read); yc__await_request(yc__s, (yc__fn)yc__t2, yc__fp);{{$}}
    // CHECK-NEXT: {{^#line 20 }}
    // CHECK-NEXT: {{^ *}}yc__t1 = yc__t2(x);{{$}}
    // CHECK-NEXT: {{^#line 20 }}
    // CHECK-NEXT: {{^ *}}yc__cf = yc__await_answer(yc__s); if (yc__cf) { yc__set_state(yc__fp, 1);
    // CHECK-SAME: if (yc__resume(yc__cf, yc__s)) {
    // CHECK-SAME: yc__t1 = ((struct { struct yc__frame yc__h; int yc__r; } *)(void *)yc__cf)->yc__r;
    // CHECK-SAME: YC__FREE(); }{{$}}
    // CHECK-NEXT: {{^#line 20 }}
    // CHECK-NEXT: {{^ *}}int r = yc__t1;
    return r + 1;
}
// The wrapper answers an await request by creating the frame only.
// CHECK: {{^}}YC_COROUTINE int f(const struct ops *ops, int x) {
// CHECK: {{^}}    if (yc__await_requested(yc__s, (yc__fn)f)) {
// CHECK: {{^}}        yc__await_reply(yc__s, yc__f_start(yc__s, yc__await_caller(yc__s), ops, x));
// CHECK: {{^}}        return yc__f_z;
