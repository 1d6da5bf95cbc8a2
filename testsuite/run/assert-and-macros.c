// Macros in coroutine bodies keep their meaning when the locals they name
// move into the frame: assert (a statement expression in GNU C that also
// stringifies its argument), a macro that stringifies and one that pastes
// its argument, and a macro that expands to a statement.
// RUN: %yieldc %s -o %t.c -- -std=gnu11 && %cc -std=gnu11 %t.c -o %t
// RUN: %run %t | FileCheck %s
// RUN: not %run %t fail 2>&1 | FileCheck %s --check-prefix=FAIL

#include <assert.h>
#include <stdio.h>
#include <string.h>
#include <yieldc.h>

#define SHOW(v) printf("%s = %d\n", #v, (v))
#define DOUBLE_IT(v) do { (v) *= 2; } while (0)
#define FIELD(name) cfg_##name

struct config {
    int cfg_depth;
};

YC_COROUTINE int main(int argc, char **argv) {
    int depth = 3;
    struct config c = {7};
    YC_YIELD();
    assert(depth == 3);
    DOUBLE_IT(depth);
    SHOW(depth);
    SHOW(c.FIELD(depth) + depth);
    int stmt = ({ int t = depth + 1; t * 10; });
    YC_YIELD();
    printf("stmt = %d\n", stmt);
    if (argc > 1 && strcmp(argv[1], "fail") == 0)
        assert(depth == 99);
    return 0;
}
// CHECK: depth = 6
// CHECK-NEXT: c.FIELD(depth) + depth = 13
// CHECK-NEXT: stmt = 70
// FAIL: Assertion `depth == 99' failed.
