/* emit.h - pass 5: assemble the output. Every byte outside coroutine
   definitions is copied as written; each definition is replaced by what
   its lowering emits, with the declarations it needs first and #line
   directives that map the generated code back to the input; a table at
   the end registers the file's coroutines for reports. */
#ifndef YC_EMIT_H
#define YC_EMIT_H

#include "model.h"

int emit_run(struct unit *u);
/* --print-after=emit: the output. */
void emit_print(const struct unit *u);

#endif
