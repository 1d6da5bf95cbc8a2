// A YC_COROUTINE function-pointer typedef used as struct fields (an ops
// table) and as a parameter: `YC_AWAIT(ops->read(...))` awaits whichever
// coroutine the field holds, also when the table reaches another coroutine
// by pointer and when the awaited value feeds another call through it.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

typedef YC_COROUTINE int (*op_fn)(int);

struct ops {
    const char *name;
    op_fn read;
    op_fn write;
};

YC_COROUTINE static int mem_read(int x) {
    YC_YIELD();
    return x + 1;
}

YC_COROUTINE static int mem_write(int x) {
    YC_YIELD();
    YC_YIELD();
    return x * 2;
}

YC_COROUTINE static int disk_read(int x) {
    YC_YIELD();
    return x - 1;
}

YC_COROUTINE static int apply(const struct ops *ops, op_fn extra, int x) {
    int r = YC_AWAIT(ops->read(x));
    r = YC_AWAIT(ops->write(r));
    return YC_AWAIT(extra(YC_AWAIT(ops->read(r))));
}

YC_COROUTINE int main(void) {
    struct ops mem = {"mem", mem_read, mem_write};
    struct ops disk = {"disk", disk_read, mem_write};
    struct ops *all[2] = {&mem, &disk};
    for (int i = 0; i < 2; i++) {
        const struct ops *o = all[i];
        printf("%s: read=%d write=%d apply=%d\n", o->name,
               YC_AWAIT(o->read(10)), YC_AWAIT(all[i]->write(10)),
               YC_AWAIT(apply(o, mem_write, 3)));
    }
    return 0;
}
// CHECK: mem: read=11 write=20 apply=18
// CHECK-NEXT: disk: read=9 write=20 apply=6
