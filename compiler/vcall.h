/* vcall.h - call-site frames for coroutines that keep their own C frame.

   A variadic coroutine, or one with a parameter of variably modified type
   (int a[n++]), keeps its own C frame: its "..." arguments cannot move to
   another frame, and its parameters' sizes are evaluated on entry. Its
   definition stays as written and runs on the stack of whoever calls it.
   An await of it from a state machine, or a spawn of it, stores the
   evaluated arguments in a frame made for that call site (V_new), whose
   entry makes the call as written on a stack of its own; the caller stays
   a state machine and suspends and resumes around it as around any
   callee. */
#ifndef YC_VCALL_H
#define YC_VCALL_H

#include "buf.h"
#include "model.h"

/* Whether call (a CallExpr of g) can get a call-site frame: g is declared
   at file scope, and every argument's type and the result's can be named
   there (co, the coroutine the call stands in, or NULL). If not, returns
   0 and sets *why. */
int vcall_possible(const struct unit *u, const struct coro *co,
                   const struct corodecl *g, CXCursor call, const char **why);

/* Appends the call site V's frame struct, entry, resume function and
   V_new(struct yc__sched *, struct yc__frame *caller, arguments...). */
void vcall_site(const struct corodecl *g, CXCursor call, const char *v,
                struct buf *b);

#endif
