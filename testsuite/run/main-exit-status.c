// The program exits with the value a coroutine main returns, after
// suspending; main receives argc and argv.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t
// RUN: not %run %t a b c | FileCheck %s
// RUN: %run %t | FileCheck %s --check-prefix=NOARGS

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE int main(int argc, char **argv) {
    YC_YIELD();
    printf("argc=%d last=%s\n", argc, argv[argc - 1][0] == 'c' ? "c" : "prog");
    return argc - 1;
}
// CHECK: argc=4 last=c
// NOARGS: argc=1 last=prog
