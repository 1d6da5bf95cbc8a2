// A static local of a coroutine stays one static object: it keeps its value
// between calls and is shared by calls that are suspended at the same time,
// unlike the automatic local next to it, which each call has in its frame.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static int next_id(void) {
    static int counter = 100;
    int mine = ++counter;
    YC_YIELD();
    return mine;
}

YC_COROUTINE static void worker(const char *name) {
    int id = YC_AWAIT(next_id());
    printf("%s got %d\n", name, id);
}

YC_COROUTINE int main(void) {
    YC_SPAWN(worker("a"));
    YC_SPAWN(worker("b"));
    int id = YC_AWAIT(next_id());
    printf("main got %d\n", id);
    YC_YIELD();
    int again = YC_AWAIT(next_id());
    printf("main got %d\n", again);
    return 0;
}
// main takes 101 and suspends; a takes 102 and b 103 before main resumes.
// CHECK: main got 101
// CHECK-NEXT: a got 102
// CHECK-NEXT: b got 103
// CHECK-NEXT: main got 104
