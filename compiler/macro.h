/* macro.h - one level of macro expansion, as the C preprocessor does it
   (C11 6.10.3), for invocations of the main file that the state machine
   cannot rewrite as written (normalize.c).

   Only the invocation itself is replaced: its arguments are substituted as
   they are spelled, and the macros they and the replacement list name are
   left for the compiler, which expands them when it reads the result in
   the same place. That is the same program, except where a macro names
   itself (the preprocessor would not expand that name again, the compiler
   reading the text would), which macro_expand refuses. normalize checks
   the result against the original parse anyway. */
#ifndef YC_MACRO_H
#define YC_MACRO_H

#include "model.h"

/* The text that invocation u->macros[inv] expands to, in one line and with
   a space wherever one keeps two tokens apart; NULL if it cannot be
   expanded, with *why saying why. */
char *macro_expand(struct unit *u, int inv, const char **why);

/* Whether offset off lies in an argument of invocation u->macros[inv] that
   the macro stringifies (#x) or pastes (x##y): renaming a name there would
   change the string or the pasted token. */
int macro_arg_unsafe(struct unit *u, int inv, unsigned off);

#endif
