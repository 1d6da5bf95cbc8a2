/* lowerable.h - whether the state machine can express a coroutine as
   written: every piece of text the lowering rewrites must be spelled in the
   main file. Where a macro supplies it, the macro invocation is marked for
   expansion (normalize.c rewrites it and the analysis starts over); what
   no expansion can help falls back to the stackful form, with the reason.
   A piece of text is fine when every user macro invocation lies wholly
   inside it or wholly outside it. */
#ifndef YC_LOWERABLE_H
#define YC_LOWERABLE_H

#include "model.h"

/* Checks the suspension points and spawns of coroutine co. */
void lowerable_check(struct unit *u, struct coro *co);

/* A definition whose body a macro writes (`FUNC(3)` for a macro that
   defines a function) is spelled out first, whatever its lowering: both
   lowerings rewrite the body's text. Asks for the macro's expansion. */
void lowerable_definition(struct unit *u, struct coro *co);

/* Checks text [b, e) (see above; with whole_ok, being exactly one
   invocation is fine too: the text then reads as that macro's whole
   expansion). Marks the offending invocations for expansion. Returns 1 if
   the text is fine. */
int lowerable_text(struct unit *u, unsigned b, unsigned e, int whole_ok);

/* The same for node i of co's tree; a node outside the main file makes
   co fall back. */
int lowerable_node(struct unit *u, struct coro *co, int i, int whole_ok);

/* Marks the invocation holding offset off (or starting there) for
   expansion; without one, co falls back because of `what`. */
void lowerable_need(struct unit *u, struct coro *co, unsigned off,
                    const char *what);

#endif
