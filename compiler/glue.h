/* glue.h - the generated functions that both lowerings share, which
   connect a coroutine to its callers and to the runtime (yieldc/abi.h):
   the declarations an awaiting file needs, the frame constructors, the
   plain-C wrapper with the original prototype, #line directives. */
#ifndef YC_GLUE_H
#define YC_GLUE_H

#include "buf.h"
#include "model.h"

/* Appends the input's path as the contents of a C string literal. */
void glue_path(const struct unit *u, struct buf *b);
/* Writes `#line N "file"` for main-file offset off on a line of its own. */
void glue_line(const struct unit *u, struct buf *b, unsigned off);
/* Appends the lines of text, each after a #line directive for the line of
   main-file offset off: generated code spans lines of its own, but every
   one of them is reported (and debugged) at the coroutine's head, not at
   the user's lines that follow it. */
void glue_block(const struct unit *u, struct buf *b, unsigned off,
                const char *text);

/* The result struct and the prototypes of coroutine d's step, new and
   start functions, the first time this file needs them. */
void glue_declare(struct unit *u, struct corodecl *d, struct buf *b);

/* Appends ", T1 a, T2 b" (with names) or ", T1, T2" (without): co's
   parameters as its step and start functions take them. */
void glue_params(const struct coro *co, int names, struct buf *b);
/* Appends the declaration of a parameter of type t as generated functions
   take it (field: as a frame field holds it): as declared, or decayed, or
   as void * if it points to a variable-length array (which no generated
   code can name). */
void glue_param_decl(CXType t, const char *name, int field, struct buf *b);
/* Appends ", a, b": the parameters' names, or with a prefix ("yc__f->"). */
void glue_args(const struct coro *co, const char *prefix, struct buf *b);

/* Whether co is defined without a prototype (K&R, or `f()`): its
   generated functions are then defined in the old style too, so that
   calls of them are unprototyped as calls of co are (default argument
   promotions, any number of arguments). */
int glue_knr(const struct coro *co);
/* Appends the declarator NAME(...) of a generated function taking the
   `fixed` parameters (full declarations: "struct yc__sched *yc__s") and
   then co's to d; in the old style, the parameter declarations that
   follow it go to after. */
void glue_head(const struct coro *co, const char *name,
               const char *const *fixed, int nfixed, struct buf *d,
               struct buf *after);

/* The zero value `static const T yc__NAME_z;` that a suspended step
   function returns (nothing for a void coroutine). */
void glue_zero(const struct coro *co, struct buf *b);

/* yc__NAME_new (a frame for an await) and yc__NAME_start (a frame with its
   arguments, for the scheduler): `init` is added to the new frame's
   initialization (the stackful form's fiber slot). */
void glue_constructors(struct unit *u, const struct coro *co, const char *init,
                       struct buf *b);

/* A declaration of the coroutine's plain-C wrapper (its own name), before
   the generated functions: the body may name the coroutine (recursion
   through a pointer), and a static one that the program only awaits is
   marked unused. */
void glue_prototype(struct unit *u, const struct coro *co, struct buf *b);

/* The plain-C wrapper, keeping the definition's own text up to the body so
   that its prototype, linkage and attributes are the user's. With a
   fiber_body (the stackful form), a call on a stackful micro-thread runs
   that function directly. */
void glue_wrapper(struct unit *u, const struct coro *co, const char *fiber_body,
                  struct buf *b);

/* `#define __func__ "NAME"` (and __FUNCTION__, __PRETTY_FUNCTION__), so
   that a body moved into a generated function still names its
   coroutine; and the matching #undef. Only where the body may name it. */
void glue_func_names(const struct unit *u, const struct coro *co, int define,
                     struct buf *b);

#endif
