/* stackful.h - stackful micro-threads, as seen by the scheduler. */
#ifndef YC_STACKFUL_H
#define YC_STACKFUL_H

#include "yieldc/abi.h"

/* Runs frame f (a coroutine call made through a plain wrapper) on the
   running stackful micro-thread s->fiber: f's caller becomes the
   micro-thread's frame, and if f suspends, so does the whole stack until
   f has finished. The frame stays allocated for the caller to read. */
void yc__fiber_run(struct yc__sched *s, struct yc__frame *f);

/* Frees the stacks of this thread's stackful micro-threads that never
   finished (the scheduler's teardown; their frames are freed with their
   tasks). */
void yc__fiber_destroy_all(void);

/* yc__fiber_frame(fb), the frame that fb runs, is in yieldc/abi.h. */
/* The coroutine calls on the stack of the micro-thread whose root frame
   is f (yieldc/abi.h), innermost first, at most max of them into out;
   returns how many (0 if f runs no stack of its own). */
unsigned yc__fiber_calls(const struct yc__sched *s, const struct yc__frame *f,
                         const struct yc__stack_call **out, unsigned max);

#endif
