/* fiber.c - the sanitizers' side of context switches (fiber.h). Built into
   every runtime, empty unless the runtime is built with -fsanitize=address
   or -fsanitize=thread. */
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

#elif YC__TSAN

#include <sanitizer/tsan_interface.h>
#include <stdio.h>
#include <stdlib.h>

/* The fiber of a context that has made its last switch out: destroyed by
   whichever context that switch arrives in, since the sanitizer cannot
   destroy the running fiber. */
static _Thread_local void *dying;

static void arrive(void) {
    if (dying) {
        __tsan_destroy_fiber(dying);
        dying = NULL;
    }
}

/* Announces the switch to `to`, giving a context made by yc__ctx_make
   its fiber, and makes it; from_fiber is what `from` resumes as (NULL
   after its last switch, so that a context made again in the same struct
   gets a fiber of its own). */
static void depart(struct yc__ctx *from, void *from_fiber, struct yc__ctx *to) {
    from->tsan = from_fiber;
    if (!to->tsan)
        to->tsan = __tsan_create_fiber(0);
    __tsan_switch_to_fiber(to->tsan, 0);
    yc__ctx_switch(from, to);
}

void yc__fiber_enter(void) { arrive(); }

void yc__fiber_switch(struct yc__ctx *from, struct yc__ctx *to,
                      const void *to_lo, size_t to_size) {
    (void)to_lo;
    (void)to_size;
    depart(from, __tsan_get_current_fiber(), to);
    arrive();
}

void yc__fiber_exit(struct yc__ctx *from, struct yc__ctx *to, const void *to_lo,
                    size_t to_size) {
    (void)to_lo;
    (void)to_size;
    dying = __tsan_get_current_fiber();
    depart(from, NULL, to);
    fputs("yieldc: a finished stackful context was resumed\n", stderr);
    abort();
}

void yc__fiber_forget(struct yc__ctx *ctx) {
    if (ctx->tsan && ctx->tsan != __tsan_get_current_fiber())
        __tsan_destroy_fiber(ctx->tsan);
    ctx->tsan = NULL;
}

#else

/* ISO C wants at least one declaration in a translation unit. */
typedef int yc__fiber_without_sanitizer;

#endif
