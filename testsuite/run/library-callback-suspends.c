// examples/sort_await.c: the C library's qsort, unmodified, runs on two
// stackful micro-threads whose comparator awaits a coroutine that yields;
// both sorts and a stackless progress task interleave on one OS thread,
// and both arrays come out sorted.
// RUN: %yieldc %S/../../examples/sort_await.c -o %t.c && %cc %t.c -o %t
// RUN: %run %t | FileCheck %s
// CHECK: progress: 0 comparisons so far
// CHECK-NEXT: progress: {{[1-9][0-9]*}} comparisons so far
// CHECK: 1 10
// CHECK-NEXT: 2 20
// CHECK-NEXT: 3 30
// CHECK-NEXT: 4 40
// CHECK-NEXT: 5 50
// CHECK-NEXT: 7 60
// CHECK-NEXT: 8 70
// CHECK-NEXT: 9 80
// CHECK-NEXT: {{[0-9]+}} comparisons
