/* lower_state.h - the state of one coroutine's state-machine lowering,
   shared by lower_stmt.c (statements), lower_decl.c (declarations) and
   lower_expr.c (expressions).

   The body keeps its shape: the same statements, loops and labels, so that
   the C compiler sees nearly the code the user wrote. Each suspension
   point is moved out of its expression into statements placed before the
   statement that holds it ("hoisted"): they call the callee, and on a
   suspension save the live locals, return, and carry the label
   yc__resume_N that the dispatch switch jumps to, where the locals are
   reloaded. A temporary takes the result and replaces the await in the
   expression. C's sequencing is kept while hoisting: the right operand of
   && and ||, and the arms of ?:, become if statements when they hold a
   suspension, so they are still evaluated only when C would; the left
   operand of a comma runs before the right one's suspensions; a loop
   condition or increment that suspends is evaluated where C would
   evaluate it.

   Hoisting moves an await before operands that C leaves unsequenced with
   it (the operands of +, the arguments of a call, the two sides of =); C
   allows either order there, so no program can rely on the other one. */
#ifndef YC_LOWER_STATE_H
#define YC_LOWER_STATE_H

#include "buf.h"
#include "model.h"

struct lower {
    struct unit *u;
    struct coro *co;
    struct tree *t;
    /* The temporaries alive now: those of the statements being lowered,
       innermost last. A suspension point saves them all. */
    unsigned *live, nlive, caplive;
    /* Where a generated line may end in the text of a rewrite: LOWER_BREAK,
       or " " in a body that holds that byte itself. */
    const char *br;
};

/* The mark of a line end in rewrites. lower_place turns each into a new
   line under a #line of the statement's own line, so that generated code
   reads line by line and the user's lines keep their numbers. */
#define LOWER_BREAK "\x1e"

/* Sets L->br for L->co's body (lower_lines.c). */
void lower_lines_init(struct lower *L);
/* Replaces [b, e) by text, its line marks laid out as lines; the text after
   e keeps its line number (lower_lines.c). */
void lower_place(struct lower *L, unsigned b, unsigned e, const char *text);

/* The text of [b, e) with the edits made so far. */
char *lower_render(struct lower *L, unsigned b, unsigned e);
char *lower_render_node(struct lower *L, int i);
/* Replaces node i's text. */
void lower_replace(struct lower *L, int i, const char *text);

/* A new temporary of type t (int if is_int), alive until the statement
   being lowered ends; returns its number N (named yc__tN). */
unsigned lower_temp(struct lower *L, CXType t, int is_int);
/* Appends the declarations of temporaries first .. ntemps - 1. */
void lower_temp_decls(struct lower *L, unsigned first, struct buf *b);

/* Whether node i holds a suspension point that counts. */
int lower_suspends(struct lower *L, int i);

/* Lowers expression node i: appends the hoisted statements to h and edits
   i's text so that rendering it gives the rest of the expression.
   `discard`: its value is not used. Returns 1 if the whole expression was
   a suspension point (nothing is left to evaluate). */
int lower_expr(struct lower *L, int i, int discard, struct buf *h);

/* Lowers declaration statement node i in place (lower_decl.c). */
void lower_decl(struct lower *L, int i);
/* Whether declaration statement i declares a pinned local. */
int lower_decl_pinned(struct lower *L, int i);

/* Lowers statement node i in place. */
void lower_stmt(struct lower *L, int i);

/* Rewrites YC_SPAWN/YC_ASYNC node i (spawn.c), after its operands. */
void spawn_lower_node(struct lower *L, int i);

/* Rewrites compound literal cl to live in its frame slot. */
void lower_literal(struct lower *L, const struct complit *cl);

/* The state-machine lowering of one coroutine (lower_stmt.c). */
void lower_sm(struct unit *u, struct coro *co);

#endif
