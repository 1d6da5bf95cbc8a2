// A macro that stringifies its argument keeps the argument's text: a
// statement naming a frame local in such an argument gets a C local copy
// of that name around it (read from the frame before, written back after),
// so `#v` still says `count`; the other statements use the frame field.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <stdio.h>
#include <yieldc.h>

#define SHOW(v) printf("%s = %d\n", #v, (v))

// CHECK-LABEL: {{^}}int yc__f_step(struct yc__frame *yc__fp, struct yc__sched *yc__s) {
YC_COROUTINE int f(int n) {
    int count = n;
    YC_YIELD();
    SHOW(count);
    // CHECK: {{^ *}}{ int count = yc__f->count; SHOW(count); yc__f->count = count; }
    count++;
    // CHECK: {{^ *}}yc__f->count++;
    return count;
}
