// YC_SPAWN in a plain C function starts the coroutine on this thread's
// scheduler; the declarations it needs are emitted before that function,
// and the rest of the function is copied as written.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

YC_COROUTINE void worker(int id);

// CHECK: {{^}}struct yc__worker_res { struct yc__frame yc__hdr; };
// CHECK-NEXT: {{^}}void yc__worker_step(struct yc__frame *, struct yc__sched *, int);
// CHECK-NEXT: {{^}}struct yc__frame *yc__worker_new(struct yc__sched *, struct yc__frame *);
// CHECK-NEXT: {{^}}struct yc__frame *yc__worker_start(struct yc__sched *, struct yc__frame *, int);
// CHECK: {{^}}void start(int n) {
void start(int n) {
    for (int i = 0; i < n; i++)
        YC_SPAWN(worker(i));
    // CHECK-NEXT: {{^}}    for (int i = 0; i < n; i++)
    // CHECK-NEXT: {{^}}        yc__spawn(yc__sched_get(), yc__worker_start(yc__sched_get(), 0, i));
}
