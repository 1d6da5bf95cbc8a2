// A do-while whose condition awaits becomes `for (;;)` running the body
// inside a one-pass loop - `for (c = 0; c < 1; c++) body` - then the await
// and a break when the condition is false: `continue` in the body, also
// one inside a switch, ends the one pass and so reaches the condition, and
// `break` leaves the one pass with the counter still 0, which breaks the
// outer loop too; neither is rewritten. A `continue` of an inner loop
// stays its loop's.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

YC_COROUTINE int g(int x);

YC_COROUTINE int f(int n) {
    int s = 0;
    do {
    // CHECK: {{^ *}}{ int yc__t1; int yc__t2;{{$}}
    // CHECK-NEXT: {{^#line 17 }}
    // CHECK-NEXT: {{^ *}}for (;;) { for (yc__t1 = 0; yc__t1 < 1; yc__t1++) {{[{]$}}
        if (s & 1)
            continue;
        // CHECK: {{^ *}}continue;
        switch (s) {
        case 4:
            continue;
        }
        for (int i = 0; i < 2; i++)
            continue;
        s += 3;
    } while (YC_AWAIT(g(s)) < 2 * n);
    // CHECK: {{^ *}}} if (!yc__t1) break;{{$}}
    // CHECK-NEXT: {{^#line 17 }}
    // CHECK-NEXT: {{^ *}}yc__cf = YC__NEW(g, 1); yc__t2 = yc__g_step(yc__cf, yc__s, s);{{$}}
    // CHECK-NEXT: {{^#line 17 }}
    // CHECK-NEXT: {{^ *}}if (YC__SUSPENDED()) {{.*}} yc__t2 = YC__RESULT(g); } YC__FREE();{{$}}
    // CHECK-NEXT: {{^#line 17 }}
    // CHECK-NEXT: {{^ *}}if (!(yc__t2 < 2 * n)) break; } }
    return s;
}
