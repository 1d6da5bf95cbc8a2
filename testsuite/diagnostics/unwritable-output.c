// An output path that cannot be written (its directory does not exist, or
// it is a directory) is a tool error naming the path and the reason, and
// no temporary file is left behind.
// RUN: rm -rf %t && mkdir -p %t/out.c
// RUN: not %yieldc %s -o %t/no-such-dir/out.c 2>&1 | FileCheck %s --check-prefix=NODIR --implicit-check-not=error:
// RUN: not %yieldc %s -o %t/out.c 2>&1 | FileCheck %s --check-prefix=ISDIR --implicit-check-not=error:
// RUN: ls -A %t | count 1
// RUN: ls -A %t/out.c | count 0

// NODIR: {{^}}yieldc: error: cannot write '{{.*}}no-such-dir{{/|\\}}out.c': No such file or directory
// ISDIR: {{^}}yieldc: error: cannot write '{{.*}}out.c': Is a directory

#include <yieldc.h>

YC_COROUTINE int f(void) {
    YC_YIELD();
    return 1;
}
