// `-o -` writes the translation to standard output and nothing else: the
// same bytes as `-o FILE`, starting with the input's own first line.
// RUN: %yieldc %s -o - > %t.stdout.c
// RUN: %yieldc %s -o %t.c
// RUN: diff %t.c %t.stdout.c
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %cc -fsyntax-only -Werror %t.stdout.c

// CHECK: {{^}}// `-o -` writes the translation to standard output and nothing else: the
// CHECK: {{^}}#include <yieldc.h>
#include <yieldc.h>

// CHECK: {{^}}int yc__f_step(struct yc__frame *yc__fp, struct yc__sched *yc__s) {
YC_COROUTINE int f(void) {
    YC_YIELD();
    return 1;
}
// CHECK: {{^}}YC_COROUTINE int f(void) {
