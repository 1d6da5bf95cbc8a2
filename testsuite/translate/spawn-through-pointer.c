// YC_SPAWN and YC_ASYNC of a call through a coroutine pointer: the
// pointer is evaluated once, inside yc__spawn_request, and cast back to
// its type for the call, which only creates the frame (an await request
// with no caller); yc__spawn_answer starts it. For YC_ASYNC the result's
// offset in the frame is that of the ABI's result struct for the call's
// type, and its size that type's.
// RUN: %yieldc %s -o - | FileCheck %s
// RUN: %yieldc %s -o %t.c && %cc -fsyntax-only -Werror %t.c

#include <yieldc.h>

typedef YC_COROUTINE long (*job_fn)(int);

// CHECK-LABEL: {{^}}static int yc__start_step(
YC_COROUTINE static int start(job_fn jobs[2], int x) {
    YC_SPAWN(jobs[0](x));
    // CHECK: {{^ *}}(void)(((job_fn)yc__spawn_request(yc__s, (yc__fn)(jobs[0])))(x), yc__spawn_answer(yc__s, 0, 0, 0));
    yc_task *t = YC_ASYNC(jobs[1](x + 1));
    // CHECK: {{^ *}}yc_task *t = (((job_fn)yc__spawn_request(yc__s, (yc__fn)(jobs[1])))(x + 1), yc__spawn_answer(yc__s, 1, (sizeof(struct yc__frame) + _Alignof(long) - 1) / _Alignof(long) * _Alignof(long), sizeof(long)));
    long r;
    return YC_AWAIT(yc_task_join(t, &r, sizeof r, YC_NO_DEADLINE));
}
