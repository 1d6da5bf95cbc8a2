// A state machine that passes a coroutine where a plain function pointer
// is expected (a qsort comparator) gets a warning pointing at yc_go: a
// call through the pointer runs the scheduler nested on the caller's
// stack. Not for a coroutine pointer parameter, an explicit cast, yc_go
// or pthread_create (their function runs on a stack of its own), or a
// stackful coroutine (the call suspends there).
// RUN: %yieldc %s -o %t.c 2>&1 | FileCheck %s --implicit-check-not=warning:
// RUN: %cc -c %t.c -o %t.o

#include <pthread.h>
#include <setjmp.h>
#include <stdlib.h>
#include <yieldc.h>

YC_COROUTINE static int cmp(const void *a, const void *b) {
    YC_YIELD();
    return *(const int *)a - *(const int *)b;
}

YC_COROUTINE static void *body(void *arg) {
    YC_YIELD();
    return arg;
}

static void apply(YC_COROUTINE int (*f)(const void *, const void *)) {
    (void)f;
}

YC_COROUTINE int main(void) {
    int v[] = {3, 1, 2};
    qsort(v, 3, sizeof *v, cmp);
    // CHECK: [[@LINE-1]]:28: warning: coroutine 'cmp' passed as a plain function pointer{{.*}}(yc_go)
    qsort(v, 3, sizeof *v, &cmp);
    // CHECK: [[@LINE-1]]:29: warning: coroutine 'cmp' passed as a plain function pointer
    qsort(v, 3, sizeof *v, (int (*)(const void *, const void *))cmp);
    apply(cmp);
    yc_task *t = yc_go(body, NULL, 0);
    yc_task_detach(t);
    return 0;
}

// A stackful coroutine (setjmp): the comparator suspends on its stack.
YC_COROUTINE int sorted(int *w) {
    jmp_buf j;
    if (setjmp(j))
        return 0;
    qsort(w, 3, sizeof *w, cmp);
    // CHECK: warning: coroutine 'sorted' is lowered to the stackful form
    return w[0];
}
