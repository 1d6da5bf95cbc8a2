/* fiber.h - context switches that AddressSanitizer and ThreadSanitizer
   are told about: thin wrappers of yc__ctx_switch (ctx.h) for code that
   switches between stacks. Without a sanitizer they are yc__ctx_switch
   itself and cost nothing.

   AddressSanitizer keeps the bounds of the stack it believes is running,
   to tell stack from heap in its reports and to unpoison frames that a
   longjmp or a switch abandons. Every switch therefore announces the
   stack it goes to (__sanitizer_start_switch_fiber) and, once on it,
   confirms the arrival (__sanitizer_finish_switch_fiber). The calling
   protocol, for the code that owns the contexts:

       entry(arg) of a new context      first statement: yc__fiber_enter()
       an ordinary switch               yc__fiber_switch(from, to, lo, size)
       the last switch out of a context yc__fiber_exit(from, to, lo, size)
                                        (its stack may then be freed or
                                        reused: the sanitizer forgets it)

   lo and size give the stack `to` runs on, or NULL and 0 for the OS
   thread's own stack (where the scheduler runs), whose bounds the wrapper
   learns the first time a switch leaves it.

   ThreadSanitizer keeps a shadow call stack and a clock per thread of
   execution; a context is one of its fibers (__tsan_switch_to_fiber).
   A context made by yc__ctx_make (which clears the struct's `tsan`
   under ThreadSanitizer, ctx.h) gets its fiber at the first switch to
   it. Its last switch out (yc__fiber_exit) hands the fiber to the side it
   arrives on, which destroys it; yc__fiber_forget(ctx) destroys the
   fiber of a context that will never run again without having exited. Valgrind needs nothing here:
   it learns stacks from VALGRIND_STACK_REGISTER (stack.c) and notices
   the switch by the jump of the stack pointer. */
#ifndef YC_FIBER_H
#define YC_FIBER_H

#include "ctx.h"

#if defined(__SANITIZE_ADDRESS__)
#define YC__ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define YC__ASAN 1
#endif
#endif
#ifndef YC__ASAN
#define YC__ASAN 0
#endif

#ifdef __cplusplus
extern "C" {
#endif

#if YC__ASAN || YC__TSAN

/* See the protocol above; defined in fiber.c. */
void yc__fiber_enter(void);
void yc__fiber_switch(struct yc__ctx *from, struct yc__ctx *to,
                      const void *to_lo, size_t to_size);
void yc__fiber_exit(struct yc__ctx *from, struct yc__ctx *to, const void *to_lo,
                    size_t to_size);

#else

/* The first statement of a context's entry function. */
static inline void yc__fiber_enter(void) {}

/* Switches from the running context, saved into *from, to *to, which runs
   on [to_lo, to_lo + to_size), or on the OS thread's own stack if to_lo
   is NULL. Returns when *from is resumed. */
static inline void yc__fiber_switch(struct yc__ctx *from, struct yc__ctx *to,
                                    const void *to_lo, size_t to_size) {
    (void)to_lo;
    (void)to_size;
    yc__ctx_switch(from, to);
}

/* The last switch out of a finished context, whose stack is dead from
   then on. *from is written but never resumed. */
static inline void yc__fiber_exit(struct yc__ctx *from, struct yc__ctx *to,
                                  const void *to_lo, size_t to_size) {
    (void)to_lo;
    (void)to_size;
    yc__ctx_switch(from, to);
}

#endif

/* Context ctx will never run again and did not exit. */
#if YC__TSAN
void yc__fiber_forget(struct yc__ctx *ctx);
#else
static inline void yc__fiber_forget(struct yc__ctx *ctx) { (void)ctx; }
#endif

#ifdef __cplusplus
}
#endif

#endif
