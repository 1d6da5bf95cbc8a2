// A static coroutine keeps internal linkage: its step, new and start
// functions are static too, marked unused (one that is never awaited has
// no use for them), and so is its plain-C wrapper, which awaiting callers
// do not use, so that a -Werror build passes. A coroutine without `static`
// gets external functions.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror -Wextra %t.c

#include <yieldc.h>

YC_COROUTINE static int helper(int x) {
    YC_YIELD();
    return x + 1;
}
// CHECK: {{^}}static YC__UNUSED int yc__helper_step(struct yc__frame *, struct yc__sched *, int);
// CHECK-NEXT: {{^}}static YC__UNUSED struct yc__frame *yc__helper_new(struct yc__sched *, struct yc__frame *);
// CHECK-NEXT: {{^}}static YC__UNUSED struct yc__frame *yc__helper_start(struct yc__sched *, struct yc__frame *, int);
// CHECK: {{^}}static int helper(int) __attribute__((__unused__));
// CHECK: {{^}}static int yc__helper_step(struct yc__frame *yc__fp, struct yc__sched *yc__s, int x) {
// CHECK: {{^}}static YC__UNUSED struct yc__frame *yc__helper_start(struct yc__sched *yc__s, struct yc__frame *yc__caller, int x) {
// CHECK: {{^}}YC_COROUTINE static int helper(int x) {
// CHECK-NEXT: #line
// CHECK-NEXT: {{^}}    struct yc__sched *yc__s = yc__sched_get();

YC_COROUTINE int user(void) {
    int v = YC_AWAIT(helper(1));
    return v;
}
// CHECK: {{^}}int yc__user_step(struct yc__frame *, struct yc__sched *);
// CHECK: {{^}}int yc__user_step(struct yc__frame *yc__fp, struct yc__sched *yc__s) {
// CHECK: {{^ *}}int yc__t1;{{$}}
// CHECK-NEXT: {{^#line 26 }}
// CHECK-NEXT: {{^ *}}yc__cf = YC__NEW(helper, 1); yc__t1 = yc__helper_step(yc__cf, yc__s, 1);{{$}}
// CHECK: {{^}}struct yc__frame *yc__user_start(struct yc__sched *yc__s, struct yc__frame *yc__caller) {
// CHECK: {{^}}YC_COROUTINE int user(void) {
