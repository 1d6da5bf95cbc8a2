// __func__, __FUNCTION__ and __PRETTY_FUNCTION__ in a coroutine, directly
// and through a logging macro, name the coroutine in both lowerings, not
// the functions it is translated into.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

#define LOG(msg) printf("%s: %s\n", __func__, msg)

YC_COROUTINE static int worker(int x) {
    LOG("start");
    YC_YIELD();
    printf("%s %s %zu\n", __FUNCTION__, __PRETTY_FUNCTION__, sizeof __func__);
    return x;
}

static void plain(void) { LOG("plain"); }

YC_COROUTINE int main(void) {
    YC_AWAIT(worker(1));
    plain();
    LOG("end");
    return 0;
}
// CHECK: worker: start
// CHECK-NEXT: worker worker 7
// CHECK-NEXT: plain: plain
// CHECK-NEXT: main: end
