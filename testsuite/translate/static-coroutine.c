// A static coroutine keeps internal linkage: its step and start functions
// are static too, and its plain-C wrapper, which awaiting callers do not
// use, is marked unused so that a -Werror build passes. A coroutine
// without `static` gets external step and start functions.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

YC_COROUTINE static int helper(int x) {
    YC_YIELD();
    return x + 1;
}
// CHECK: {{^}}static int yc__helper_step(struct yc__frame *yc__fp, struct yc__sched *yc__s);
// CHECK-NEXT: {{^}}static struct yc__frame *yc__helper_start(struct yc__sched *yc__s, struct yc__frame *yc__caller, int);
// CHECK: {{^}}static int yc__helper_step(struct yc__frame *yc__fp, struct yc__sched *yc__s) {
// CHECK: {{^}}static struct yc__frame *yc__helper_start(struct yc__sched *yc__s, struct yc__frame *yc__caller, int x) {
// CHECK: {{^}}YC_COROUTINE static int helper(int x) __attribute__((unused));
// CHECK: {{^}}YC_COROUTINE static int helper(int x) { struct yc__sched *yc__s = yc__sched_get();

YC_COROUTINE int user(void) {
    int v = YC_AWAIT(helper(1));
    return v;
}
// CHECK: {{^}}int yc__user_step(struct yc__frame *yc__fp, struct yc__sched *yc__s);
// CHECK: {{^}}int yc__user_step(struct yc__frame *yc__fp, struct yc__sched *yc__s) {
// CHECK-NEXT: {{^ *}}yc__cf = yc__helper_start(yc__s, &yc__f->yc__res.yc__hdr, 1);
// CHECK-SAME: yc__helper_step(yc__cf, yc__s)
// CHECK: {{^}}struct yc__frame *yc__user_start(struct yc__sched *yc__s, struct yc__frame *yc__caller) {
// CHECK: {{^}}YC_COROUTINE int user(void) {
