/* wait.h - blocking: wait queues, and the record of a blocked call that
   wakers, timers and cancellation end.

   A blocking call (a primitive, see prim.h) that cannot complete at once
   puts one link per object it waits on into that object's wait queue
   (a mutex's lockers, a channel's receivers, ...), then suspends its task
   with yc__prim_block. Whoever can complete it (an unlock, a send, the
   deadline's timer, yc_task_cancel) does its part of the work (hands over
   the mutex, copies the message) and calls yc__wait_wake, which takes
   every link out of its queue, disarms the timer and queues the task. The
   task then resumes in the primitive's step, which reads the outcome.

       mutex.waiters ─▶ link ─▶ link ─▶ link        (FIFO, doubly linked)
                         │
                         ▼ wait (in the primitive's frame)
                         task, links[], timer, result

   A mutex, a semaphore, an event and a condition queue the tasks
   themselves instead (a struct yc__qnode queue of task links, `tq` below):
   no call waits on two of them at once (yc_select waits on an event
   through the event's own wlink queue), so one link per task serves, and
   a call with no deadline needs no frame at all (YC__TASK_WAITING, see
   yc__wait_done in abi.h). A primitive's frame that waits there marks its
   wait record `in_tq`.

       event.waiters ◀─▶ task ◀─▶ task ◀─▶ task   (FIFO; the links to the
                                                   head carry tag bit 0)

   Everything lives in the frames, except the timer of a call that has a
   deadline: most waits have none, so the wait record holds only a pointer
   to a timer taken from the frame pool when a deadline is given (the
   sleeps, which always have one, keep theirs in their frame). A blocked
   untimed call allocates nothing; a timed one one pooled timer (and the
   heap may grow). */
#ifndef YC_WAIT_H
#define YC_WAIT_H

#include "task.h"

/* A blocked call's place in one wait queue. Which operation of the call
   it stands for (yc_select) is its position in wait->links, so it is not
   stored. */
struct yc__wlink {
    struct yc__wlink *next; /* toward the tail of the queue */
    struct yc__wlink *prev; /* toward the head */
    struct yc__wq *q;       /* the queue it is in; NULL when not queued */
    struct yc__wait *wait;  /* the blocked call */
    void *data;             /* per operation: the message to send, where to
                               receive, the would-be mutex holder */
};

/* The deadline of a blocked call: a timer that knows its wait. */
struct yc__wtimer {
    struct yc__timer t; /* the heap entry */
    struct yc__wait *w; /* the call it ends */
};

/* A blocked call. Laid out to take 56 bytes: this record is in every
   blocked primitive's frame, and a million idle micro-threads hold a
   million of them. */
struct yc__wait {
    struct yc_task *task;       /* the blocked task; valid while pending */
    struct yc__wlink *links;    /* its links (in the primitive's frame) */
    struct yc__wtimer *timer;   /* its deadline's timer while armed, else
                                   NULL, or before blocking the frame's own
                                   timer (sleeps) to use instead of a pooled
                                   one */
    const char *what;           /* the primitive's name, for reports */
    const void *obj;            /* the object waited on, for reports */
    int result;                 /* the outcome, set by yc__wait_wake */
    int index;                  /* the link that completed it, or -1 */
    unsigned nlinks;            /* number of links */
    unsigned char pending : 1;  /* 1 while blocked */
    unsigned char shielded : 1; /* cancellation does not end it */
    unsigned char by_scope : 1; /* its deadline is a scope's, not the call's */
    unsigned char obj_task : 1; /* obj is a task (reports print its id) */
    unsigned char obj_fd : 1;   /* obj is an fd number (reports print it) */
    unsigned char pooled : 1;   /* timer came from the frame pool */
    unsigned char in_tq : 1;    /* task's own link is in a task queue */
};

/* The kind of t's frameless wait. */
static inline unsigned yc__wait_kind(const struct yc_task *t) {
    return (t->abi.flags & YC__WAIT_KIND_MASK) >> YC__WAIT_KIND_SHIFT;
}

/* Ends t's frameless wait with `result` (0, YC_ECANCELED or YC_EPIPE):
   the caller has taken it out of its queue. Queues the task. */
static inline void yc__wait_end(struct yc__sched_full *s, struct yc_task *t,
                                int result) {
    unsigned f = t->abi.flags & ~(YC__TASK_WAITING | YC__WAIT_KIND_MASK);
    if (YC__UNLIKELY(result))
        f |= result == YC_ECANCELED ? YC__TASK_WAIT_CANCELLED
                                    : YC__TASK_WAIT_CLOSED;
    t->abi.flags = f;
    yc__enqueue(s, &t->abi);
}

/* Appends link l of wait w to queue q; data is stored in l. */
static inline void yc__wq_push(struct yc__wq *q, struct yc__wlink *l,
                               struct yc__wait *w, void *data) {
    l->wait = w;
    l->data = data;
    l->q = q;
    l->next = NULL;
    l->prev = q->yc__tail;
    if (q->yc__tail)
        q->yc__tail->next = l;
    else
        q->yc__head = l;
    q->yc__tail = l;
}
/* Takes l out of its queue, if it is in one. */
static inline void yc__wq_remove(struct yc__wlink *l) {
    struct yc__wq *q = l->q;
    if (!q)
        return;
    if (l->prev)
        l->prev->next = l->next;
    else
        q->yc__head = l->next;
    if (l->next)
        l->next->prev = l->prev;
    else
        q->yc__tail = l->prev;
    l->q = NULL;
    l->next = l->prev = NULL;
}
/* The longest-waiting link of q, or NULL. */
static inline struct yc__wlink *yc__wq_first(const struct yc__wq *q) {
    return q->yc__head;
}
static inline int yc__wq_empty(const struct yc__wq *q) {
    return q->yc__head == NULL;
}

/* Ends pending wait w: unqueues all its links, disarms its timer, stores
   result and index (the completing link's, or -1) and queues its task. */
void yc__wait_wake(struct yc__sched_full *s, struct yc__wait *w, int index,
                   int result);
/* A task that waits on a channel with no frame of the call waits by a
   link of its own from the pool, whose `wait` is the task with bit 0 set
   (YC__TASK_WAITING; the task's link.yc__prev points back at it). */
static inline int yc__wlink_is_bare(const struct yc__wlink *l) {
    return (uintptr_t)l->wait & 1;
}
static inline struct yc_task *yc__wlink_task(const struct yc__wlink *l) {
    return (struct yc_task *)((uintptr_t)l->wait & ~(uintptr_t)1);
}
/* Ends the frameless wait of link l with `result`; frees l. */
void yc__wlink_wake_bare(struct yc__sched_full *s, struct yc__wlink *l,
                         int result);
/* Blocks the running task t on q by a pooled link holding data (kind:
   YC__WAIT_*; see yc__wait_park, below). */
void yc__wq_wait_bare(struct yc__sched *s, struct yc_task *t, struct yc__wq *q,
                      void *data, struct yc__frame *f, unsigned kind);

/* Ends the pending wait of link l, as completed by l's operation. */
static inline void yc__wlink_wake(struct yc__sched_full *s, struct yc__wlink *l,
                                  int result) {
    if (yc__wlink_is_bare(l)) {
        yc__wlink_wake_bare(s, l, result);
        return;
    }
    yc__wait_wake(s, l->wait, (int)(l - l->wait->links), result);
}
/* Wakes every wait queued on q, in order, with `result` and the index of
   its link in q. */
void yc__wq_wake_all(struct yc__sched_full *s, struct yc__wq *q, int result);

/* Takes w's links off the queues they are in. */
void yc__wait_unqueue(struct yc__wait *w);

/* ------------------------------------------------------------------ */
/* Task queues                                                         */
/* ------------------------------------------------------------------ */

/* The head's own links point at the first and the last task, untagged
   (NULL when empty, as zeroed storage is); a task's links point at its
   neighbours, or at the head with bit 0 set. A task can then leave its
   queue without knowing it (a cancellation), and a report can still
   find the object. */
static inline struct yc__qnode *yc__tq_tag(struct yc__qnode *q) {
    return (struct yc__qnode *)((uintptr_t)q | 1);
}
static inline int yc__tq_is_head(const struct yc__qnode *p) {
    return (uintptr_t)p & 1;
}
static inline struct yc__qnode *yc__tq_untag(struct yc__qnode *p) {
    return (struct yc__qnode *)((uintptr_t)p & ~(uintptr_t)1);
}

/* Appends task t to task queue q (a zeroed head is an empty queue). */
static inline void yc__tq_push(struct yc__qnode *q, struct yc_task *t) {
    struct yc__qnode *n = &t->abi.link, *last = q->yc__prev;
    n->yc__next = yc__tq_tag(q);
    n->yc__prev = last ? last : yc__tq_tag(q);
    if (last)
        last->yc__next = n;
    else
        q->yc__next = n;
    q->yc__prev = n;
}

/* Takes t out of the task queue it is in. */
static inline void yc__tq_remove(struct yc_task *t) {
    struct yc__qnode *n = &t->abi.link, *nx = n->yc__next, *pv = n->yc__prev;
    if (yc__tq_is_head(pv))
        yc__tq_untag(pv)->yc__next = yc__tq_is_head(nx) ? NULL : nx;
    else
        pv->yc__next = nx;
    if (yc__tq_is_head(nx))
        yc__tq_untag(nx)->yc__prev = yc__tq_is_head(pv) ? NULL : pv;
    else
        nx->yc__prev = pv;
    n->yc__next = n->yc__prev = NULL;
}

/* The longest-waiting task of q, or NULL. */
static inline struct yc_task *yc__tq_first(const struct yc__qnode *q) {
    return (struct yc_task *)(void *)q->yc__next;
}
/* The head of the task queue t waits in: the object waited on begins
   before it (for reports; the walk is bounded, NULL past the bound). */
const struct yc__qnode *yc__tq_head_of(const struct yc_task *t);

/* Whether the running task t may wait with no frame of the call: no
   deadline, not cancelled, in no deadline scope (the call then checks
   them in a frame of its own). */
static inline int yc__may_wait_bare(const struct yc_task *t, int64_t deadline) {
    return deadline < 0 &&
           !(t->abi.flags & (YC__TASK_CANCELLED | YC__TASK_SCOPED));
}

/* Parks the running task t with no frame of the call, waiting in a way
   of kind YC__WAIT_*: frame f, whose resume state the caller has set, is
   its innermost frame until it is woken. */
static inline void yc__wait_park(struct yc__sched *s, struct yc_task *t,
                                 struct yc__frame *f, unsigned kind) {
    t->abi.top = f;
    t->abi.flags = (t->abi.flags & ~(YC__WAIT_KIND_MASK | YC__WAIT_OUTCOME)) |
                   YC__TASK_WAITING | kind << YC__WAIT_KIND_SHIFT;
    s->susp = YC__SUSP_PARKED; /* every step function on the C stack returns */
}

/* Blocks the running task t in task queue q (kind: YC__WAIT_*). */
static inline void yc__tq_wait(struct yc__sched *s, struct yc_task *t,
                               struct yc__qnode *q, struct yc__frame *f,
                               unsigned kind) {
    yc__tq_push(q, t);
    yc__wait_park(s, t, f, kind);
}

/* Ends the wait of task t, first in a task queue, with `result`. */
void yc__tq_wake(struct yc__sched_full *s, struct yc_task *t, int result);
/* Wakes every task of q, in order, with `result`. */
void yc__tq_wake_all(struct yc__sched_full *s, struct yc__qnode *q, int result);

#endif
