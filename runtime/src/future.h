/* future.h - the future struct, shared by future.c and select.c. */
#ifndef YC_FUTURE_H
#define YC_FUTURE_H

#include "wait.h"

enum {
    YC__FUTURE_PENDING = 0,   /* not resolved */
    YC__FUTURE_RESOLVING = 1, /* a resolve won and is writing the result */
    YC__FUTURE_RESOLVED = 2   /* result and value are set (release) */
};

/* A future. Any thread may resolve it; everything else happens on the
   owner's thread. A resolve from another thread publishes the result
   (state RESOLVED, release), then posts the future to the owner's wake
   queue, holding a reference, and the owner completes it there: wakes
   the waiters and runs the callback. */
struct yc_future {
    struct yc__remote remote;     /* its entry in the owner's wake queue */
    struct yc__sched_full *owner; /* the scheduler it belongs to */
    atomic_int refs;              /* references; the last frees it */
    atomic_int state;             /* YC__FUTURE_* */
    int result;                   /* the result, once RESOLVED */
    void *value;                  /* the value, once RESOLVED */
    int completed;                /* owner: waiters woken, callback run */
    struct yc__wq waiters;        /* owner: blocked awaits and selects */
    yc_future_cb *cb;             /* owner: the completion callback */
    void *cb_arg;                 /* its argument */
};

/* Whether f has been resolved (its result and value may be read). */
static inline int yc__future_resolved(const struct yc_future *f) {
    return atomic_load_explicit(&((struct yc_future *)f)->state,
                                memory_order_acquire) == YC__FUTURE_RESOLVED;
}

#endif
