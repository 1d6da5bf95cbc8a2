/* find.h - pass 2: the coroutines of the translation unit (declared in the
   main file or a header, defined in the main file), the main file's macro
   invocations, and the uses of yieldc's markers outside coroutine bodies. */
#ifndef YC_FIND_H
#define YC_FIND_H

#include "model.h"

int find_run(struct unit *u);
/* --print-after=find: each coroutine declaration, defined here or not. */
void find_print(const struct unit *u);

/* The coroutine declared by function declaration fn, or NULL. */
struct corodecl *find_coroutine(struct unit *u, CXCursor fn);
/* Sets the coroutine spawn sp starts (NULL through a pointer); reports a
   spawn of something else. */
void find_spawn_callee(struct unit *u, struct spawn *sp);
/* The outermost invocation of a user macro (not a marker, not a builtin)
   whose text holds offset off strictly inside, or -1. With at_begin, an
   invocation starting at off counts too. */
int find_invocation(const struct unit *u, unsigned off, int at_begin);
/* The first invocation that can overlap text at or after offset b: every
   one before it ends at or before b. */
unsigned find_macros_from(const struct unit *u, unsigned b);

#endif
