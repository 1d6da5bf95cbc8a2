/* spawn.h - YC_SPAWN(call) and YC_ASYNC(call): start a coroutine call as a
   new micro-thread, detached or with a handle. In a state-machine
   coroutine the spawns are rewritten with the rest of the body
   (lower_state.h); elsewhere - plain functions, stackful coroutines - by
   spawn_lower. */
#ifndef YC_SPAWN_H
#define YC_SPAWN_H

#include "model.h"

/* Rewrites spawn sp, which stands outside a state-machine body: its
   arguments are rendered as written. */
void spawn_lower(struct unit *u, struct spawn *sp);

#endif
