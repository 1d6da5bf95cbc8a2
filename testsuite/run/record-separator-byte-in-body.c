// The translator marks the line ends of its rewrites with the byte 0x1e.
// A body that holds that byte itself (here in a comment inside a loop
// whose condition awaits, which is rewritten around it) keeps it as the
// user's: the comment stays whole and the program runs.
// RUN: printf '#include <stdio.h>\n#include <yieldc.h>\nYC_COROUTINE static int g(int x) { YC_YIELD(); return x; }\nYC_COROUTINE int main(void) {\n    int s = 0;\n    while (YC_AWAIT(g(s)) < 5) {\n        if (s == 3) {\n            s += 2;\n            continue; // a\036b\n        }\n        s++;\n    }\n    printf("%%%%d\\n", s);\n    return 0;\n}\n' > %t.in.c
// RUN: %yieldc %t.in.c -o %t.c && %cc -w %t.c -o %t && %run %t | FileCheck %s
// CHECK: 5
