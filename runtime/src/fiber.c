/* fiber.c - the AddressSanitizer side of context switches (fiber.h). Built
   into every runtime, empty unless the runtime is built with
   -fsanitize=address. */
#include "fiber.h"

#if YC__ASAN

#include <sanitizer/common_interface_defs.h>
#include <stdio.h>
#include <stdlib.h>

/* The OS thread's own stack, as AddressSanitizer knows it: learned on the
   first switch that leaves it, needed by every switch that returns to it
   (the caller passes NULL for it). */
static _Thread_local const void *thread_lo;
static _Thread_local size_t thread_size;

/* Whether the running context is on the OS thread's own stack. Each
   switch sets it for the context it resumes. */
static _Thread_local int on_thread_stack = 1;

/* Whether the switch in flight left the OS thread's own stack: set by the
   departing side, read by the arriving side. */
static _Thread_local int left_thread_stack;

/* Tells the sanitizer that the switch has arrived; fake is what the
   departure saved (NULL for a context's first arrival). */
static void arrive(void *fake) {
    const void *old_lo;
    size_t old_size;
    __sanitizer_finish_switch_fiber(fake, &old_lo, &old_size);
    if (left_thread_stack) {
        thread_lo = old_lo;
        thread_size = old_size;
    }
}

/* Announces the switch to `to` and makes it. fake_save is NULL for the
   last switch out of a context, so that the sanitizer frees that
   context's fake stack (the one of detect_stack_use_after_return). */
static void depart(struct yc__ctx *from, struct yc__ctx *to, const void *to_lo,
                   size_t to_size, void **fake_save) {
    left_thread_stack = on_thread_stack;
    on_thread_stack = to_lo == NULL;
    if (!to_lo) {
        to_lo = thread_lo;
        to_size = thread_size;
    }
    __sanitizer_start_switch_fiber(fake_save, to_lo, to_size);
    yc__ctx_switch(from, to);
}

void yc__fiber_enter(void) { arrive(NULL); }

void yc__fiber_switch(struct yc__ctx *from, struct yc__ctx *to,
                      const void *to_lo, size_t to_size) {
    void *fake = NULL;
    depart(from, to, to_lo, to_size, &fake);
    arrive(fake);
}

void yc__fiber_exit(struct yc__ctx *from, struct yc__ctx *to, const void *to_lo,
                    size_t to_size) {
    depart(from, to, to_lo, to_size, NULL);
    fputs("yieldc: a finished stackful context was resumed\n", stderr);
    abort();
}

#else

/* ISO C wants at least one declaration in a translation unit. */
typedef int yc__fiber_without_asan;

#endif
