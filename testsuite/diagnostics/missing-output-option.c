// Without -o, or with -o and no file name, yieldc says how to name the
// output instead of guessing one, and writes nothing.
// RUN: not %yieldc %s 2>&1 | FileCheck %s --check-prefix=NO-O --implicit-check-not=error:
// RUN: not %yieldc %s -o 2>&1 | FileCheck %s --check-prefix=NO-NAME --implicit-check-not=error:

// NO-O: {{^}}yieldc: error: no output file: use -o FILE or -o -
// NO-NAME: {{^}}yieldc: error: -o needs a file name

#include <yieldc.h>

YC_COROUTINE int f(void) {
    YC_YIELD();
    return 1;
}
