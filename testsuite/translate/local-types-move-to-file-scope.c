// A typedef, an enum and a struct declared in a coroutine body and used by
// frame locals move to file scope before the frame struct (with #line
// directives to their source lines), and their declarations in the body
// become empty statements; a braced initializer of a frame local becomes a
// compound literal of its type.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

// CHECK: {{^}}#line [[# @LINE + 8]] "{{.*}}local-types-move-to-file-scope.c"
// CHECK-NEXT: {{^}}typedef long count_t;
// CHECK-NEXT: {{^}}#line [[# @LINE + 7]] "{{.*}}local-types-move-to-file-scope.c"
// CHECK-NEXT: {{^}}enum mode { SLOW, FAST = 4 };
// CHECK-NEXT: {{^}}#line [[# @LINE + 6]] "{{.*}}local-types-move-to-file-scope.c"
// CHECK-NEXT: {{^}}struct acc { enum mode m; count_t n; };
// CHECK-NEXT: {{^}}struct yc__f_frame { struct yc__f_res yc__res; struct acc a; count_t extra; };
YC_COROUTINE int f(void) {
    typedef long count_t;
    enum mode { SLOW, FAST = 4 };
    struct acc { enum mode m; count_t n; };
    // CHECK-LABEL: {{^}}int yc__f_step(struct yc__frame *yc__fp, struct yc__sched *yc__s) {
    // CHECK-NEXT: {{^ *}};{{$}}
    // CHECK-NEXT: {{^ *}};{{$}}
    // CHECK-NEXT: {{^ *}};{{$}}
    struct acc a = {FAST, 2};
    // CHECK: {{^ *}}yc__f->a = (struct acc){FAST, 2};
    count_t extra = 3;
    // CHECK: {{^ *}}yc__f->extra = 3;
    YC_YIELD();
    return (int)(a.n + extra) + a.m;
    // CHECK: {{^ *}}return (yc__f->yc__res.yc__ret = ((int)(yc__f->a.n + yc__f->extra) + yc__f->a.m), YC__DONE);
}
