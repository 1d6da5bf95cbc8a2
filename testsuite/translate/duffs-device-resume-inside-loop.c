// Duff's device with a suspension in the loop body: the switch and the
// do-while that its case labels jump into stay as written, and the
// suspension's resume label sits inside the do-while, so the dispatch at
// the top of the step function jumps straight back into the loop; the
// locals the loop uses are saved and reloaded around it.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

// CHECK: {{^}}#define yc__save_1 {{\\}}
// CHECK-NEXT: {{^}}    yc__f->to = to; yc__f->from = from; yc__f->n = n;
YC_COROUTINE void duff(char *to, const char *from, int count) {
    int n = (count + 7) / 8;
    switch (count % 8) {
    case 0: do { *to++ = *from++;
    // CHECK: {{^ *}}case 0: do { *to++ = *from++;
    case 3:      *to++ = *from++;
    case 2:      *to++ = *from++;
    case 1:      *to++ = *from++;
                 YC_YIELD();
    // CHECK: {{^ *}}{ if (YC__YIELD(1)) { yc__save_1 return; yc__resume_1: yc__load_1 } }
            } while (--n > 0);
    // CHECK: {{^ *}}} while (--n > 0);
    }
}
