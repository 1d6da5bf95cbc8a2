// A micro-thread that overflows its stack hits the guard page below it,
// and the runtime's SIGSEGV handler, running on its alternate signal
// stack, names the micro-thread and its stack size instead of letting the
// program die with a bare segmentation fault. Any other fault keeps its
// default action, or goes to the handler that was there before, such as
// AddressSanitizer's (the second run: a null pointer on a micro-thread's
// stack is no overflow).
// RUN: %cc -I%S %s -o %t
// RUN: not --crash %run %t 2>&1 | FileCheck %s
// RUN: not --crash %run %t null 2>&1 | FileCheck --check-prefix=NULL %s

#include "Inputs/assert.h"

#include "../../runtime/src/ctx.h"
#include "../../runtime/src/fiber.h"
#include "../../runtime/src/stack.h"

static struct yc__ctx main_ctx, deep_ctx;

/* Under AddressSanitizer, its report of the null store ends in abort(),
   a crash like the others, rather than exit(1). */
const char *__asan_default_options(void) { return "abort_on_error=1"; }
/* ThreadSanitizer's report would exit with 66 instead: let the default
   action have the null store. */
const char *__tsan_default_options(void) { return "handle_segv=0"; }

/* Not a tail call, and a frame the compiler cannot shrink away. */
static long recurse(long n) {
    volatile char pad[200];
    pad[0] = (char)n;
    if (n == 0)
        return 0;
    return recurse(n - 1) + pad[0];
}

static void deep(void *arg) {
    yc__fiber_enter();
    if (arg) {
        fprintf(stderr, "null store\n");
        *(volatile int *)arg = 1;
    }
    recurse(1L << 30);
    ASSERT(0); /* unreachable: the stack is far too small */
}

int main(int argc, char **argv) {
    /* A pointer into page 0 that the compiler cannot see as null. */
    void *bad = argc > 1 && argv[1][0] == 'n' ? (void *)16 : NULL;
    struct yc__stack *other, *st;
    /* Another live stack, so that the handler has to pick the right one. */
    ASSERT_EQ(yc__stack_alloc(0, 41, &other), 0);
    ASSERT_EQ(yc__stack_alloc(16384, 42, &st), 0);
    fprintf(stderr, "stack of %zu bytes\n", st->size);
    yc__ctx_make(&deep_ctx, st->lo, st->size, deep, bad);
    yc__fiber_switch(&main_ctx, &deep_ctx, st->lo, st->size);
    fprintf(stderr, "not reached\n");
    return 0;
}
// CHECK: stack of [[#SIZE:]] bytes
// CHECK: yieldc: stack overflow in micro-thread 42 (stack of [[#SIZE]] bytes); give it a larger stack
// CHECK-NOT: not reached
// NULL: null store
// NULL-NOT: stack overflow
