/* analyse.h - pass 3: what each coroutine body holds (locals, references,
   suspension points, spawns, loops) and what it must not (misuse of
   YC_AWAIT); then, through lowerable.c and frame.c, which lowering it gets
   and what lives in its frame. Every "cannot" is decided here: the
   lowering only carries the decisions out. */
#ifndef YC_ANALYSE_H
#define YC_ANALYSE_H

#include "model.h"

int analyse_run(struct unit *u);
/* --print-after=analyse: suspension points, locals and their places. */
void analyse_print(const struct unit *u);

/* The local that declaration cursor d declares, or -1. */
int analyse_local(const struct coro *co, CXCursor d);

#endif
