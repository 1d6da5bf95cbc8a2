// --emit=fallback names every reason a coroutine takes the stackful form,
// each at its location: the setjmp and longjmp families, getcontext,
// vfork, alloca, a variable-length array and a cleanup local of a for
// whose loop suspends. A statement expression that suspends and other
// cleanup locals, whose scopes suspend or not, do not force it.
// RUN: %yieldc --emit=fallback %s -o %t.c 2>/dev/null | FileCheck %s
// RUN: %cc -fsyntax-only %t.c

#define _GNU_SOURCE
#include <alloca.h>
#include <setjmp.h>
#include <ucontext.h>
#include <unistd.h>
#include <yieldc.h>

YC_COROUTINE int uses_setjmp(void) {
    jmp_buf jb;
    if (setjmp(jb))
        return 1;
    YC_YIELD();
    longjmp(jb, 1);
}
// CHECK-LABEL: {{^}}lowering of uses_setjmp: stackful{{$}}
// CHECK-NEXT: {{^}}  because of a call to setjmp, which returns twice at {{.*}}fallback-reasons.c:18:9{{$}}
// CHECK-NEXT: {{^}}  because of a call to longjmp, which unwinds C frames at {{.*}}fallback-reasons.c:21:5{{$}}

YC_COROUTINE int uses_sigsetjmp(void) {
    sigjmp_buf jb;
    if (sigsetjmp(jb, 1))
        return 1;
    YC_YIELD();
    siglongjmp(jb, 1);
}
// CHECK-LABEL: {{^}}lowering of uses_sigsetjmp: stackful{{$}}
// CHECK-NEXT: {{^}}  because of a call to sigsetjmp, which returns twice at {{.*}}fallback-reasons.c:29:9{{$}}
// CHECK-NEXT: {{^}}  because of a call to siglongjmp, which unwinds C frames at {{.*}}fallback-reasons.c:32:5{{$}}

YC_COROUTINE int uses_builtin(void) {
    void *jb[5];
    if (__builtin_setjmp(jb))
        return 1;
    YC_YIELD();
    return 0;
}
// CHECK-LABEL: {{^}}lowering of uses_builtin: stackful{{$}}
// CHECK-NEXT: {{^}}  because of a call to __builtin_setjmp, which returns twice at {{.*}}fallback-reasons.c:40:9{{$}}

YC_COROUTINE int uses_getcontext(void) {
    ucontext_t c;
    getcontext(&c);
    YC_YIELD();
    return 0;
}
// CHECK-LABEL: {{^}}lowering of uses_getcontext: stackful{{$}}
// CHECK-NEXT: {{^}}  because of a call to getcontext, which returns twice at {{.*}}fallback-reasons.c:50:5{{$}}

YC_COROUTINE int uses_vfork(void) {
    pid_t p = vfork();
    if (p == 0)
        _exit(0);
    YC_YIELD();
    return 0;
}
// CHECK-LABEL: {{^}}lowering of uses_vfork: stackful{{$}}
// CHECK-NEXT: {{^}}  because of a call to vfork, which returns twice at {{.*}}fallback-reasons.c:58:15{{$}}

YC_COROUTINE int uses_alloca(int n) {
    char *p = alloca(n);
    p[0] = 1;
    YC_YIELD();
    return p[0];
}
// CHECK-LABEL: {{^}}lowering of uses_alloca: stackful{{$}}
// CHECK-NEXT: {{^}}  because of alloca, whose memory a suspension would free at {{.*}}fallback-reasons.c:68:15{{$}}

YC_COROUTINE int uses_vla(int n) {
    int a[n];
    a[0] = n;
    YC_YIELD();
    return a[0];
}
// CHECK-LABEL: {{^}}lowering of uses_vla: stackful{{$}}
// CHECK-NEXT: {{^}}  because of a variable-length array at {{.*}}fallback-reasons.c:77:5{{$}}

void release(int *p);

YC_COROUTINE int uses_cleanup(int n) {
    for (int x __attribute__((cleanup(release))) = 1; x < n; x++)
        YC_YIELD();
    return 0;
}
// CHECK-LABEL: {{^}}lowering of uses_cleanup: stackful{{$}}
// CHECK-NEXT: {{^}}  because of a cleanup local of a for statement's init clause (with cleanups whose scopes suspend) at {{.*}}fallback-reasons.c:88:14{{$}}

YC_COROUTINE int cleanup_across(void) {
    int x __attribute__((cleanup(release))) = 1;
    YC_YIELD();
    return x;
}
// CHECK-LABEL: {{^}}lowering of cleanup_across: state machine{{$}}

YC_COROUTINE int cleanup_elsewhere(void) {
    {
        int x __attribute__((cleanup(release))) = 1;
        (void)x;
    }
    YC_YIELD();
    return 0;
}
// CHECK-LABEL: {{^}}lowering of cleanup_elsewhere: state machine{{$}}

YC_COROUTINE int stmt_expr(int n) {
    int r = ({ int t = n; t += YC_AWAIT(uses_vla(t)); t; });
    return r;
}
// CHECK-LABEL: {{^}}lowering of stmt_expr: state machine{{$}}

// Awaiting a variadic coroutine keeps the caller a state machine, unless
// an argument's type is local to the caller's body: the call then cannot
// be made from the file-scope code that runs it on a stack of its own.
YC_COROUTINE int vsum(int n, ...);

YC_COROUTINE int variadic_callee(void) {
    return YC_AWAIT(vsum(2, 1.5f, 'c'));
}
// CHECK-LABEL: {{^}}lowering of variadic_callee: state machine{{$}}

YC_COROUTINE int local_struct_argument(void) {
    struct local { int a; } l = {1};
    return YC_AWAIT(vsum(1, l));
}
// CHECK-LABEL: {{^}}lowering of local_struct_argument: stackful{{$}}
// CHECK-NEXT: {{^}}  because of a call of a variadic coroutine with an argument or result of a type local to the body at {{.*}}fallback-reasons.c:[[# @LINE - 3]]:12{{$}}

// A directive between a loop's header and its body, when the loop is
// rebuilt; inside the body it does not matter.
YC_COROUTINE int directive_in_loop(void) {
    int n = 0;
    for (int i = YC_AWAIT(vsum(0)); i < 2; i++)
#define STEP n++
        STEP;
    for (int i = YC_AWAIT(vsum(0)); i < 2; i++) {
#undef STEP
        n++;
    }
    return n;
}
// CHECK-LABEL: {{^}}lowering of directive_in_loop: stackful{{$}}
// CHECK-NEXT: {{^}}  because of a preprocessor directive between the parts of a loop that the state machine rebuilds at {{.*}}fallback-reasons.c:[[# @LINE - 10]]:5{{$}}

YC_COROUTINE int directive_in_body(void) {
    int n = 0;
    for (int i = YC_AWAIT(vsum(0)); i < 2; i++) {
#if 1
        n++;
#endif
    }
    return n;
}
// CHECK-LABEL: {{^}}lowering of directive_in_body: state machine{{$}}

void release_rows(int (**p)[]);

YC_COROUTINE int cleanup_vm(int n) {
    int x __attribute__((cleanup(release))) = 1;
    YC_YIELD();
    {
        int (*rows)[n] __attribute__((cleanup(release_rows))) = 0;
        (void)rows;
    }
    return x;
}
// CHECK-LABEL: {{^}}lowering of cleanup_vm: stackful{{$}}
// CHECK-NEXT: {{^}}  because of a cleanup local of variably modified type (with cleanups whose scopes suspend) at {{.*}}fallback-reasons.c:[[# @LINE - 6]]:15{{$}}
