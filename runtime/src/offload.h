/* offload.h - the worker pool's side that a scheduler's teardown uses. */
#ifndef YC_OFFLOAD_H
#define YC_OFFLOAD_H

#include "sched.h"

/* Lets go of scheduler s's jobs before it frees its frames: queued ones
   are dropped, running ones are freed by their worker, unposted. */
void yc__offload_abandon(struct yc__sched_full *s);

#endif
