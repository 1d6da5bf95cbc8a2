/* ctx.h - the context switch of stackful micro-threads: the tiny interface
   that every backend (ctx_x86_64_sysv_elf.S, ctx_arm64_aapcs_elf.S,
   ctx_ucontext.c) implements. runtime/ctx.cmake picks one backend per build.

   A context is a suspended thread of execution: a stack plus the registers
   that the platform ABI makes callee-saved. yc__ctx_switch is an ordinary
   function call as far as the compiler is concerned, so everything the ABI
   lets a callee clobber is already dead or saved by the caller when it is
   called; a backend saves exactly the rest, on the stack being left, and
   keeps only the stack pointer in struct yc__ctx:

       x86-64 System V   rbx rbp r12 r13 r14 r15, MXCSR, x87 control word
                         (MXCSR status bits are restored too; the ABI makes
                         them caller-saved, so that is harmless)
       AArch64 AAPCS64   x19-x28, x29 (fp), x30 (lr), d8-d15, FPCR
                         (FPCR's rounding and flush-to-zero modes are
                         global state a callee must not change; keeping it
                         per context makes fesetround per micro-thread, as
                         on x86-64 and with swapcontext)
       ucontext          whatever getcontext/swapcontext save (all of the
                         above on glibc, plus the signal mask)

   The frame layouts are drawn in each .S file's header. Because the saved
   state lives on the suspended stack (the ucontext backend keeps its
   ucontext_t there too), struct yc__ctx is one pointer with every backend,
   and code compiled without knowing the backend (the tests) agrees with
   the library on its layout.

   The backends do not tell the sanitizers or Valgrind anything: fiber.h
   wraps yc__ctx_switch for AddressSanitizer and ThreadSanitizer, and
   stack.c registers stacks with Valgrind. Under ThreadSanitizer struct
   yc__ctx also holds the sanitizer's fiber of the context (fiber.h). */
#ifndef YC_CTX_H
#define YC_CTX_H

#include <stddef.h>

#if defined(__SANITIZE_THREAD__)
#define YC__TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define YC__TSAN 1
#endif
#endif
#ifndef YC__TSAN
#define YC__TSAN 0
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* A suspended context. The struct needs no initialisation before it is
   used as the `from` of a switch: the switch fills it in. A context that
   is running has no valid saved state; its struct is stale until it
   switches away again. */
struct yc__ctx {
    void *sp; /* stack pointer of the suspended context: the address of the
                 saved-register frame that the next switch to it pops
                 (ucontext backend: of its saved ucontext_t) */
#if YC__TSAN
    void *tsan; /* ThreadSanitizer's fiber for it, NULL until a switch to
                   it makes one (fiber.c) */
#endif
};

/* The smallest stack yc__ctx_make accepts: room for the initial frame
   and for a few calls of the entry function. The ucontext backend is the
   hungry one: a glibc ucontext_t takes about 1 KiB on x86-64 and 4.5 KiB
   on AArch64, once at the top of a new stack and once in every suspended
   switch. Real stacks should be much larger: see stack.h. */
#define YC__CTX_MIN_STACK 16384

/* Prepares ctx so that the first yc__ctx_switch to it runs entry(arg) on
   the stack [stack_lo, stack_lo + size), which grows down from its top
   (rounded down to 16 bytes). size must be at least YC__CTX_MIN_STACK.
   The new context starts with the caller's floating-point control state
   (rounding mode and the like), as a new thread would.

   entry must never return: it ends by switching away for the last time,
   and the stack may then be freed or reused by whoever runs next. The
   backends stop unwinding (debuggers, backtrace(3)) at entry, because
   there is no meaningful caller; if entry returns anyway the program
   crashes (asm backends: an ud2/brk trap) or aborts (ucontext). */
void yc__ctx_make(struct yc__ctx *ctx, void *stack_lo, size_t size,
                  void (*entry)(void *), void *arg);
#if YC__TSAN
/* A context made anew has no sanitizer fiber yet (fiber.h). The backends
   define the function with its name in parentheses. */
#define yc__ctx_make(ctx, lo, size, entry, arg)                                \
    (yc__ctx_make((ctx), (lo), (size), (entry), (arg)),                        \
     (void)((ctx)->tsan = NULL))
#endif

/* Saves the running context into *from and resumes *to, which must have
   been prepared by yc__ctx_make or saved by an earlier switch (and not
   resumed since). Returns when some later switch resumes *from. from and
   to must differ. Costs a few ns with the asm backends: no system call,
   no signal mask. */
void yc__ctx_switch(struct yc__ctx *from, struct yc__ctx *to);

#ifdef __cplusplus
}
#endif

#endif
