/* ctx_ucontext.c - the portable context switch (src/ctx.h) on
   getcontext/makecontext/swapcontext, for processors without an assembly
   backend and for YC_CONTEXT=ucontext builds.

   It is correct everywhere these POSIX.1-2001 functions exist, and slow:
   swapcontext saves and restores the signal mask with a system call on
   every switch (about 100x the cost of the assembly backends).

   Saved state lives on the suspended stack, as with the asm backends, so
   that struct yc__ctx stays one pointer: yc__ctx_switch keeps the ucontext_t
   of the context it leaves in its own stack frame, which lives exactly as
   long as that context stays suspended, and a new context's first
   ucontext_t (with its entry and argument) sits at the top of its stack,
   above the part makecontext hands to the code:

       stack_lo                                             stack_lo + size
       | ...  stack of entry(arg), grows down  | struct start (ucontext_t,
                                               |   entry, arg) | <16 bytes
                                               ^ uc_stack ends here */
#define _GNU_SOURCE /* makecontext's prototype on some libcs */

#include "ctx.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <ucontext.h>

/* The first saved state of a context made by yc__ctx_make. */
struct start {
    ucontext_t uc;         /* what the first switch to it resumes */
    void (*entry)(void *); /* the function it runs */
    void *arg;             /* entry's argument */
};

/* The bottom of every context: makecontext passes only int arguments,
   so the address of the struct start comes in two 32-bit halves. */
static void trampoline(unsigned hi, unsigned lo) {
    uintptr_t p = ((uintptr_t)hi << 16 << 16) | (uintptr_t)lo;
    const struct start *st = (const struct start *)p;
    st->entry(st->arg);
    /* entry returned: uc_link is NULL, so the thread would just exit. */
    fputs("yieldc: a stackful context's entry function returned\n", stderr);
    abort();
}

void(yc__ctx_make)(struct yc__ctx *ctx, void *stack_lo, size_t size,
                   void (*entry)(void *), void *arg) {
    uintptr_t top = ((uintptr_t)stack_lo + size) & ~(uintptr_t)15;
    uintptr_t at = (top - sizeof(struct start)) & ~(uintptr_t)15;
    struct start *st = (struct start *)at;
    if (getcontext(&st->uc) != 0) {
        perror("yieldc: getcontext");
        abort();
    }
    st->uc.uc_stack.ss_sp = stack_lo;
    st->uc.uc_stack.ss_size = at - (uintptr_t)stack_lo;
    st->uc.uc_link = NULL;
    st->entry = entry;
    st->arg = arg;
    uintptr_t p = (uintptr_t)st;
    makecontext(&st->uc, (void (*)(void))trampoline, 2,
                (unsigned)(p >> 16 >> 16), (unsigned)(p & 0xffffffffu));
    ctx->sp = &st->uc;
}

void yc__ctx_switch(struct yc__ctx *from, struct yc__ctx *to) {
    ucontext_t here; /* valid while this context is suspended */
    from->sp = &here;
    if (swapcontext(&here, (ucontext_t *)to->sp) != 0) {
        perror("yieldc: swapcontext");
        abort();
    }
}
