/* parse.h - pass 1: parse the input with libclang and the user's flags. */
#ifndef YC_PARSE_H
#define YC_PARSE_H

#include "model.h"

/* Builds the parser's arguments from the options (and -p's database),
   parses the input into u->tu and reports its errors. Flags libclang does
   not know (GCC-only options) are dropped with a note. Returns 0, or 1
   after an error. */
int parse_run(struct unit *u);

/* Parses the main file again from `text` (len bytes) instead of the file
   on disk, with the same arguments. Returns the new translation unit, or
   NULL if libclang failed; its errors are not reported. */
CXTranslationUnit parse_text(struct unit *u, const char *text, unsigned len);

#endif
