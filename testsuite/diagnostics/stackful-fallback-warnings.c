// Each construct that a state machine cannot express makes its coroutine
// stackful, with a warning naming the coroutine, the construct and its
// location; nothing else is reported and the output is written. (GNU
// nested functions would be one too, but libclang does not parse them: they
// are reported as a C error.)
// RUN: %yieldc %s -o %t.c -- -std=gnu11 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: test -s %t.c

#include <alloca.h>
#include <setjmp.h>
#include <stdarg.h>
#include <yieldc.h>

YC_COROUTINE int vla(int n) {
    int a[n];
    // CHECK: stackful-fallback-warnings.c:[[# @LINE - 1]]:5: warning: coroutine 'vla' is lowered to the stackful form (it runs on its own stack) because of a variable-length array
    a[0] = n;
    YC_YIELD();
    return a[0];
}

YC_COROUTINE int stack_alloc(int n) {
    char *p = alloca(n);
    // CHECK: stackful-fallback-warnings.c:[[# @LINE - 1]]:15: warning: coroutine 'stack_alloc' is lowered to the stackful form (it runs on its own stack) because of alloca, whose memory a suspension would free
    p[0] = 1;
    YC_YIELD();
    return p[0];
}

YC_COROUTINE int jumps(void) {
    jmp_buf env;
    if (setjmp(env))
    // CHECK: stackful-fallback-warnings.c:[[# @LINE - 1]]:9: warning: coroutine 'jumps' is lowered to the stackful form (it runs on its own stack) because of a call to setjmp, which returns twice
        return 1;
    YC_YIELD();
    longjmp(env, 1);
}

YC_COROUTINE int computed(int i) {
    static void *targets[] = {&&zero, &&one};
    goto *targets[i];
    // CHECK: stackful-fallback-warnings.c:[[# @LINE - 2]]:31: warning: coroutine 'computed' is lowered to the stackful form (it runs on its own stack) because of a label address
zero:
    YC_YIELD();
    return 0;
one:
    return 1;
}

YC_COROUTINE int sum(int n, ...) {
    // CHECK: stackful-fallback-warnings.c:[[# @LINE - 1]]:18: warning: coroutine 'sum' is lowered to the stackful form (it runs on its own stack) because of its variable arguments ('...')
    va_list ap;
    va_start(ap, n);
    int s = 0;
    for (int i = 0; i < n; i++)
        s += va_arg(ap, int);
    va_end(ap);
    YC_YIELD();
    return s;
}
