// An input file that cannot be opened is a tool error naming the file and
// the reason, and nothing is written.
// RUN: rm -f %t.c %t.missing.c
// RUN: not %yieldc %t.missing.c -o %t.c 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not test -e %t.c

// CHECK: {{^}}yieldc: error: cannot open '{{.*}}.missing.c': No such file or directory
