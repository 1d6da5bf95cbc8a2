/* normalize.h - pass 4 (between analyse and lower): rewrite the macro
   invocations that analysis marked (macro.c expands each one level), parse
   the rewritten text again and analyse it again, until the state machine
   can rewrite every coroutine as written. Then check each rewritten
   coroutine against the original parse: clang's printing of the two
   definitions must be the same program, or the coroutine goes back to its
   original text and takes the stackful form. Lines are kept, so #line
   directives and diagnostics still point at the user's lines.

   NUL bytes in a coroutine definition (which compilers ignore) are removed the
   same way, since the rest of the translator handles text as C strings.

   Finally prints the warning for each coroutine that takes the stackful
   form. */
#ifndef YC_NORMALIZE_H
#define YC_NORMALIZE_H

#include "model.h"

int normalize_run(struct unit *u);
/* --print-after=normalize: the bodies whose macros were expanded, as
   rewritten, then the analysis of the final text. */
void normalize_print(const struct unit *u);

#endif
