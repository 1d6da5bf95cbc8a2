// Locals that shadow each other get distinct frame slots: the outermost
// keeps its name, the inner ones get generated yc__ names. A local that is
// shadowed where a suspension point must save it cannot be named there, so
// it lives in its slot (pinned); the innermost one is saved and reloaded.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

// CHECK: {{^}}struct yc__f_frame { struct yc__f_res yc__res; int x; int [[X2:yc__x_[0-9]+]]; int [[X3:yc__x_[0-9]+]]; };
// CHECK: {{^}}#define yc__save_2 {{\\}}
// CHECK-NEXT: {{^}}    yc__f->[[X3]] = x;
YC_COROUTINE int f(void) {
    int x = 1;
    // CHECK: {{^ *}}yc__f->x = 1;
    {
        int x = 2;
        // CHECK: {{^ *}}yc__f->[[X2]] = 2;
        YC_YIELD();
        {
            int x = 3;
            // CHECK: {{^ *}}int x = 3;
            YC_YIELD();
            x++;
            // CHECK: {{^ *}}x++;
        }
        x++;
        // CHECK: {{^ *}}yc__f->[[X2]]++;
    }
    YC_YIELD();
    return x;
    // CHECK: {{^ *}}return yc__f->x;
}
