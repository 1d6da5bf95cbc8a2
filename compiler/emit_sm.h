/* emit_sm.h - the code of a state-machine coroutine: its frame struct, its
   step function (the lowered body behind a dispatch on the resume state),
   the resume function the scheduler calls, the constructors and the
   plain-C wrapper. */
#ifndef YC_EMIT_SM_H
#define YC_EMIT_SM_H

#include "buf.h"
#include "model.h"

void emit_sm(struct unit *u, struct coro *co, struct buf *b);

#endif
