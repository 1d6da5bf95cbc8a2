/* lower.h - pass 4: rewrite each coroutine for the lowering analysis chose
   for it (strategy.h), and the spawns outside coroutines. */
#ifndef YC_LOWER_H
#define YC_LOWER_H

#include "model.h"

int lower_run(struct unit *u);
/* --print-after=lower: each coroutine's rewritten body. */
void lower_print(const struct unit *u);

#endif
