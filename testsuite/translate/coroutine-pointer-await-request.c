// An await through a coroutine pointer evaluates the pointer once into a
// temporary, calls it with an await request (await_fn set to the pointer)
// so that a coroutine's wrapper only creates its frame, and runs that frame
// if there is one; a plain function behind the pointer has run in the call
// and its return value is the result.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

typedef YC_COROUTINE int (*op_fn)(int);

struct ops {
    op_fn read;
};

// CHECK-LABEL: {{^}}int yc__f_step(struct yc__frame *yc__fp, struct yc__sched *yc__s) {
// CHECK-SAME: op_fn yc__[[P:t[0-9]+]];
YC_COROUTINE int f(const struct ops *ops, int x) {
    int r = YC_AWAIT(ops->read(x));
    // CHECK: {{^ *}}yc__[[P]] = (yc__f->ops->read); yc__s->await_fn = (yc__fn)yc__[[P]]; yc__s->await_caller = &yc__f->yc__res.yc__hdr; yc__s->await_frame = 0;
    // CHECK-SAME: yc__[[R:t[0-9]+]] = yc__[[P]](yc__f->x); yc__s->await_fn = 0;
    // CHECK-SAME: yc__cf = yc__s->await_frame; yc__s->await_frame = 0; if (yc__cf) { yc__f->yc__res.yc__hdr.state = 1; if (YC__UNLIKELY(yc__cf->step(yc__cf, yc__s))) return YC__SUSPENDED;
    // CHECK-SAME: yc__[[R]] = ((struct { struct yc__frame h; int r; } *)yc__cf)->r; yc__frame_free(yc__s, yc__cf); }
    // CHECK-SAME: int r = yc__[[R]];
    return r + 1;
}
// The wrapper answers an await request by creating the frame only.
// CHECK-LABEL: {{^}}YC_COROUTINE int f(const struct ops *ops, int x) {
// CHECK-SAME: if (YC__UNLIKELY(yc__s->await_fn == (yc__fn)f)) { yc__s->await_fn = 0; yc__s->await_frame = yc__f_start(yc__s, yc__s->await_caller, ops, x);
