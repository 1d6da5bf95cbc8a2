/* probe.h - reading a coroutine body's spelled text where libclang's cursors
   do not tell enough: where a statement's ';' is, which binary operator a
   node is, the arguments of a call as written, the clauses of a for. Both
   lowerable.c (can the text be rewritten?) and the lowering (rewrite it)
   ask the same questions, so the answers live in one place. */
#ifndef YC_PROBE_H
#define YC_PROBE_H

#include "model.h"

/* Node i's main-file range, corrected where libclang cuts an expression
   short: when its last token comes from a marker nested in another
   marker's argument (YC_AWAIT(f(YC_AWAIT(g())))), the end is that
   marker's. Returns 0 if the node is not in the main file. */
int probe_range(struct coro *co, int i, unsigned *b, unsigned *e);

/* One past statement i's text, including the ';' that libclang leaves out
   of expression statements, returns, jumps and do-while. Returns 0 if that
   ';' is not spelled there (a macro supplies it); *at is then where it was
   looked for. */
unsigned probe_stmt_end(struct coro *co, int i, unsigned *at);

/* The operator of binary operator node i, found between its operands
   ("&&", "+=", ...), or NULL when the text there is not one operator (a
   macro supplies it); [*gap_b, *gap_e) is the text between the operands. */
const char *probe_binop(struct coro *co, int i, unsigned *gap_b,
                        unsigned *gap_e);

/* Whether conditional operator node i is spelled as cond ? a : b. */
int probe_conditional(struct coro *co, int i);

/* The ranges of the arguments of call node i as written, split at the
   top-level commas between its parentheses. Returns their number (at most
   max), or -1 when the call's text does not show its parentheses. */
int probe_args(struct coro *co, int call, unsigned *begins, unsigned *ends,
               int max);
/* The parts of text [b, e) between its top-level commas (outside
   brackets, literals and comments), without surrounding blanks, at most
   max of them. Returns their number, or -1 when there are more, or when
   the brackets of [b, e) do not match. */
int probe_commas(const struct source *src, unsigned b, unsigned e,
                 unsigned *begins, unsigned *ends, int max);
/* The same for the text [open, e) of a call's parentheses: open is the
   offset of its '(' and e one past its ')'. */
int probe_split_args(const struct source *src, unsigned open, unsigned e,
                     unsigned *begins, unsigned *ends, int max);

/* The clauses of for statement node i: libclang lists only those present,
   so they are told apart by where they stand around the two ';'. Each is
   a node or -1. Returns 0 if the ';' are not spelled. */
struct for_parts {
    int init, cond, inc, body;
};
int probe_for(struct coro *co, int i, struct for_parts *fp);

/* The initializer of VarDecl node i, or -1 (an array's size expression is
   a child too). */
int probe_var_init(const struct tree *t, int i);

/* Whether node kind k is a statement that is not an expression. */
int probe_is_stmt(enum CXCursorKind k);

#endif
