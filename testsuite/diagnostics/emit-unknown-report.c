// --emit names its reports; an unknown name (or an empty one) is a usage
// error that lists the known ones, and nothing is written.
// RUN: rm -f %t.c
// RUN: not %yieldc --emit=susp,layout %s -o %t.c 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not test -e %t.c
// RUN: not %yieldc --emit=frame, %s -o %t.c 2>&1 | FileCheck %s --check-prefix=EMPTY --implicit-check-not=error:
// RUN: not test -e %t.c

// CHECK: {{^}}yieldc: error: unknown report in '--emit=susp,layout' (reports: fallback, susp, frame, analysis)
// EMPTY: {{^}}yieldc: error: unknown report in '--emit=frame,' (reports: fallback, susp, frame, analysis)

#include <yieldc.h>

YC_COROUTINE int f(void) {
    YC_YIELD();
    return 1;
}
