// A NUL byte in a coroutine body, which C compilers take for white space
// (with a warning) - between two tokens, in a comment - and inside a string
// literal, also escaped by a backslash: the whole body is translated, the
// tokens stay apart, and the literals keep their NULs.
// RUN: printf '#include <stdio.h>\n#include <yieldc.h>\nYC_COROUTINE int main(void) {\n    int\000a = 1; /* \000 */\n    YC_YIELD();\n    printf("%%%%d %%%%zu %%%%zu\\n", a, sizeof "x\000y", sizeof "x\\\000y");\n    YC_YIELD();\n    puts("after");\n    return 0;\n}\n' > %t.in.c
// RUN: %yieldc %t.in.c -o %t.c && %cc -w %t.c -o %t && %run %t | FileCheck %s
// CHECK: 1 4 4
// CHECK-NEXT: after
