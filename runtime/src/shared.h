/* shared.h - objects shared between scheduler threads: their lock, and
   the waits that a task on one thread blocks in and a task on another
   ends.

   A shared object (yc_chan_create_shared, yc_mutex_init_shared, ...)
   keeps a lock word, `xs`: 0 for a local object (no lock is ever taken),
   1 for a shared one, 2 while it is locked. Every operation on a shared
   object takes the lock for the few instructions it needs; a blocking
   one that cannot complete queues a struct yc__xwait, which lives in its
   primitive's frame, on the object's queue, and suspends. Whoever can
   complete it, on any thread, takes the xwait off the queue, does the
   work (copies the message, hands over the mutex) and records the result
   under the lock, and then wakes the waiter: directly when the waiter is
   on the same thread, else by posting the xwait to the waiter's
   scheduler.

       object (lock) ─ queue ─▶ xwait ─▶ xwait           any thread
                                  │ posted when the waker is elsewhere
                                  ▼
                      waiter's scheduler: wakes the primitive's wait

   A deadline or a cancellation ends the wait on the waiter's own thread,
   where the primitive then takes the lock: if its xwait is still queued,
   it takes it off and fails with the deadline's or the cancellation's
   error; if not, the operation has been done and its wake is on the way,
   so it waits for that (shielded) and succeeds, as the operation did.
   While blocked, a task counts as waiting for the outside world
   (nexternal), so its scheduler waits instead of reporting a deadlock. */
#ifndef YC_SHARED_H
#define YC_SHARED_H

#include "prim.h"

/* The lock word: 0 local, 1 shared and free, 2 shared and held. */
enum { YC__XS_LOCAL = 0, YC__XS_FREE = 1, YC__XS_HELD = 2 };

/* Held for a few dozen instructions, so a spin; the slow path yields the
   CPU, in case the holder's thread was preempted. */
void yc__xs_lock_slow(int *xs);
static inline void yc__xs_lock(int *xs) {
    int free = YC__XS_FREE;
    if (YC__UNLIKELY(!__atomic_compare_exchange_n(
            xs, &free, YC__XS_HELD, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)))
        yc__xs_lock_slow(xs);
}

static inline void yc__xs_unlock(int *xs) {
    __atomic_store_n(xs, YC__XS_FREE, __ATOMIC_RELEASE);
}

/* Whether obj is shared. The word is read atomically, as other threads
   lock and unlock it meanwhile; a relaxed load is a plain load. */
#define YC__SHARED(obj) (__atomic_load_n(&(obj)->yc__xs, __ATOMIC_RELAXED) != 0)

/* A call blocked on a shared object. */
struct yc__xwait {
    struct yc__qnode link;       /* in the object's queue (see below) */
    struct yc__remote r;         /* the wake, posted to `home` */
    struct yc__sched_full *home; /* the waiter's scheduler */
    struct yc__prim *p;          /* the blocked primitive */
    void *data;                  /* per operation: the message, where to */
    int queued;                  /* under the lock: in the queue */
    int result;                  /* under the lock: the outcome */
    int arrived;                 /* home only: the wake has come */
};

/* A primitive frame f keeps the xwait of a shared object's wait right
   after its struct: the frame is made that much bigger (YC__XWAIT_EXTRA
   of the object, as YC__PRIMITIVE_SIZED's `extra`) only when the object
   is shared, so that waits on local objects keep their size. */
#define YC__XWAIT_EXTRA(obj)                                                   \
    (YC__SHARED(obj) ? (unsigned)sizeof(struct yc__xwait) : 0u)
#define YC__XWAIT_AFTER(f) ((struct yc__xwait *)(void *)((f) + 1))

/* A shared object's queue of xwaits is a struct yc__qnode head whose
   yc__next is the first xwait's link and yc__prev the last's (NULL when
   empty); the links are NULL-terminated. Lock held for all four. */
void yc__xq_push(struct yc__qnode *q, struct yc__xwait *x);
struct yc__xwait *yc__xq_pop(struct yc__qnode *q);
void yc__xq_remove(struct yc__qnode *q, struct yc__xwait *x);
static inline int yc__xq_empty(const struct yc__qnode *q) {
    return q->yc__next == NULL;
}

/* Ends every xwait of q1 and then of q2 (or NULL) with `result`, in the
   order they queued; the lock xs is held, and released here. */
void yc__xq_wake_all(struct yc__qnode *q1, struct yc__qnode *q2, int *xs,
                     int result);

/* Ends x, taken off its queue with `result` set, from any thread, after
   the object's lock is released. */
void yc__xwake(struct yc__xwait *x);

/* Blocks primitive p of the running task on queue q of a shared object
   whose lock (xs) the caller holds, releasing it: resumes at state 1 (or
   returns YC__DONE with p->ret set when the deadline has passed). */
int yc__xwait_block(struct yc__sched *s, struct yc__prim *p,
                    struct yc__xwait *x, struct yc__qnode *q, int *xs,
                    void *data, const void *obj, int64_t deadline);
/* The primitive's step at state 1 or 2, with the same x, q and xs:
   returns YC__DONE with p->ret set (x->result, or the deadline's or the
   cancellation's error if the wait was never completed), or
   YC__SUSPENDED while the completed operation's wake is on its way. */
int yc__xwait_resume(struct yc__sched *s, struct yc__prim *p,
                     struct yc__xwait *x, struct yc__qnode *q, int *xs);

#endif
