/* strategy.h - the two lowerings of a coroutine, each a strategy: how its
   body is rewritten (lower.c calls that half) and what is emitted for it
   (emit.c calls that one). Analysis picks one per coroutine. */
#ifndef YC_STRATEGY_H
#define YC_STRATEGY_H

#include "buf.h"
#include "model.h"

struct lowering {
    const char *name;                               /* for reports */
    void (*lower)(struct unit *u, struct coro *co); /* rewrite the body */
    void (*emit)(struct unit *u, struct coro *co, struct buf *b); /* code */
};

/* The lowering analysis chose for co: the state machine (lower_stmt.c,
   emit_sm.c) or the stackful form (stackful.c). */
const struct lowering *lowering_of(const struct coro *co);

#endif
