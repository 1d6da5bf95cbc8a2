// A typedef, an enum and a struct declared in a coroutine body stay where
// they are: locals of those types that live across a suspension get frame
// slots of the same size and alignment (bytes, since the frame struct at
// file scope cannot name a type local to the body), saved and reloaded by
// memcpy around the suspension.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

// CHECK: {{^}}struct yc__f_frame { struct yc__f_res yc__res; _Alignas(8) unsigned char a[16]; _Alignas(8) unsigned char extra[8]; };
// CHECK: {{^}}#define yc__save_1 {{\\}}
// CHECK-NEXT: YC__MEMCPY(&yc__f->a, &a, sizeof a); YC__MEMCPY(&yc__f->extra, &extra, sizeof extra);
// CHECK: {{^}}#define yc__load_1 {{\\}}
// CHECK-NEXT: YC__MEMCPY(&a, &yc__f->a, sizeof a); YC__MEMCPY(&extra, &yc__f->extra, sizeof extra);
YC_COROUTINE int f(void) {
    typedef long count_t;
    enum mode { SLOW, FAST = 4 };
    struct acc { enum mode m; count_t n; };
    // CHECK-LABEL: {{^}}int yc__f_step(struct yc__frame *yc__fp, struct yc__sched *yc__s) { yc__f_enter
    // CHECK: {{^    }}typedef long count_t;
    // CHECK-NEXT: {{^    }}enum mode { SLOW, FAST = 4 };
    // CHECK-NEXT: {{^    }}struct acc { enum mode m; count_t n; };
    struct acc a = {FAST, 2};
    // CHECK: {{^    }}struct acc a = {FAST, 2};
    count_t extra = 3;
    // CHECK: {{^    }}count_t extra = 3;
    YC_YIELD();
    // CHECK: {{^    }}{ if (YC__YIELD(1)) { yc__save_1 return yc__f_z; yc__resume_1: yc__load_1 } }
    return (int)(a.n + extra) + a.m;
    // CHECK: {{^    }}return (int)(a.n + extra) + a.m;
}
