// Locals that shadow each other get distinct frame fields: the outermost
// keeps its name, the inner ones get generated yc__ names, and every use
// refers to the field of the declaration it names.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

// CHECK: {{^}}struct yc__f_frame { struct yc__f_res yc__res; int x; int [[X2:yc__x_[0-9]+]]; int [[X3:yc__x_[0-9]+]]; };
YC_COROUTINE int f(void) {
    int x = 1;
    // CHECK: {{^ *}}yc__f->x = 1;
    {
        int x = 2;
        // CHECK: {{^ *}}yc__f->[[X2]] = 2;
        YC_YIELD();
        {
            int x = 3;
            // CHECK: {{^ *}}yc__f->[[X3]] = 3;
            YC_YIELD();
            x++;
            // CHECK: {{^ *}}yc__f->[[X3]]++;
        }
        x++;
        // CHECK: {{^ *}}yc__f->[[X2]]++;
    }
    YC_YIELD();
    return x;
    // CHECK: {{^ *}}return (yc__f->yc__res.yc__ret = (yc__f->x), YC__DONE);
}
