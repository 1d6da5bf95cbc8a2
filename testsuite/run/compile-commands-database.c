// With -p BUILD-DIR the translator takes the file's flags from the build's
// compile_commands.json: a define and an include directory relative to
// the command's directory; flags after -- are added to them. The input may
// be named relative to the current directory. A directory without a
// database, and a file the database does not list (libclang would make up
// a command from a neighbour's), are errors that name them.
// RUN: rm -rf %t && split-file %s %t && mkdir %t/build
// RUN: echo '[{"directory": "%t/build", "command": "cc -DANSWER=40 -I../inc -c ../prog.c -o prog.o", "file": "../prog.c"}]' > %t/build/compile_commands.json
// RUN: %yieldc -p %t/build %t/prog.c -o %t/prog.yc.c -- -DEXTRA=2
// RUN: %cc -I%t/inc -DANSWER=40 -DEXTRA=2 %t/prog.yc.c -o %t/prog && %run %t/prog | FileCheck %s
// RUN: cd %t && %yieldc -p build prog.c -o prog2.yc.c -- -DEXTRA=2
// RUN: %cc -I%t/inc -DANSWER=40 -DEXTRA=2 %t/prog2.yc.c -o %t/prog2 && %run %t/prog2 | FileCheck %s
// RUN: not %yieldc -p %t/nowhere %t/prog.c -o %t/none.c 2>&1 | FileCheck %s --check-prefix=MISSING
// RUN: not test -e %t/none.c
// RUN: not %yieldc -p %t/build %t/other.c -o %t/none.c 2>&1 | FileCheck %s --check-prefix=UNLISTED
// RUN: not test -e %t/none.c
// CHECK: answer 42
// MISSING: yieldc: error: cannot read '{{.*}}nowhere/compile_commands.json'
// UNLISTED: yieldc: error: '{{.*}}build/compile_commands.json' has no command for '{{.*}}other.c'

//--- inc/answer.h
#define THE_ANSWER (ANSWER + EXTRA)

//--- other.c
int other;

//--- prog.c
#include <stdio.h>
#include <yieldc.h>
#include "answer.h"

YC_COROUTINE static int answer(void) {
    YC_YIELD();
    return THE_ANSWER;
}

YC_COROUTINE int main(void) {
    printf("answer %d\n", YC_AWAIT(answer()));
    return 0;
}
