/* stackful.h - the stackful lowering: for --stackful, and for coroutines
   that a state machine cannot express. The body stays a plain C function
   that runs on a stack of its own: YC_AWAIT(call) becomes the plain call
   (on a stackful micro-thread every coroutine's wrapper suspends the stack
   when the coroutine suspends) and YC_YIELD() a call of the runtime. The
   step, new, start and wrapper functions keep the prototypes of the
   state-machine form, so callers do not change. */
#ifndef YC_STACKFUL_H
#define YC_STACKFUL_H

#include "buf.h"
#include "model.h"

void stackful_lower(struct unit *u, struct coro *co);
void stackful_emit(struct unit *u, struct coro *co, struct buf *b);

#endif
