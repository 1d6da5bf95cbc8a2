/* cleanup.h - __attribute__((cleanup(fn))) in state machines.

   A step function returns at each suspension and is entered again by a
   jump into the middle of its body. C would run a cleanup at every such
   return, and refuses the jump back into the local's scope. So when the
   scope of a cleanup local suspends, every cleanup local of the coroutine
   loses its attribute and lives in the frame, and the lowering calls its
   function where C would have: before the closing brace of its scope, and
   before each return, break, continue or goto that leaves the scope after
   its declaration - a return once its value is computed - innermost and
   latest first. A cancelled await is one of these: it returns an error
   that the code passes on with a return. All cleanup locals go this way,
   not just those whose scopes suspend, so that the order holds when one
   jump leaves both kinds. */
#ifndef YC_CLEANUP_H
#define YC_CLEANUP_H

#include "lower_state.h"
#include "model.h"

/* Decides whether co's cleanup locals take this form (co->cleanups), reads
   their functions, checks that the text to rewrite is spelled, and falls
   back to the stackful form for what it cannot rewrite (a local of a for
   statement's init clause or of a statement expression). Before the
   frame's other decisions: these locals are pinned. */
void cleanup_decide(struct unit *u, struct coro *co);
/* Adds the calls (lower_sm, before the statements are lowered, so that
   their rewrites keep them). */
void cleanup_lower(struct lower *L);

#endif
