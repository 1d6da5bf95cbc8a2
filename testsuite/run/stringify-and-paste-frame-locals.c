// Macros that stringify or paste an argument naming a frame local, in
// statements without suspension points next to ones that suspend: the
// string shows the local's source name, the pasted name is a different
// identifier, and a stringifying macro may also assign the local; the
// values are the frame's on both sides of each suspension.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

#define SHOW(v) printf("%s = %d\n", #v, (v))
#define BUMP_AND_SHOW(v) printf("%s -> %d\n", #v, ++(v))
#define FIELD(name) cfg_##name
#define TAG(v) v##_tag

struct cfg {
    int cfg_depth;
    int cfg_width;
};

static int count_tag = 500;

YC_COROUTINE static int val(int x) {
    YC_YIELD();
    return x;
}

YC_COROUTINE int main(void) {
    int count = 1, depth = 2;
    struct cfg c = {10, 20};
    YC_YIELD();
    SHOW(count);
    BUMP_AND_SHOW(count);
    count += YC_AWAIT(val(5));
    SHOW(count + depth);
    printf("field=%d tag=%d\n", c.FIELD(depth) + depth, TAG(count) + count);
    c.FIELD(width) = YC_AWAIT(val(7));
    SHOW(c.FIELD(width) * depth);
    return count == 7 ? 0 : 1;
}
// CHECK: count = 1
// CHECK-NEXT: count -> 2
// CHECK-NEXT: count + depth = 9
// CHECK-NEXT: field=12 tag=507
// CHECK-NEXT: c.FIELD(width) * depth = 14
