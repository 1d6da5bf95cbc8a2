/* task.h - micro-threads (tasks): their full struct, handles, deadline
   scopes and cancellation, shared by the runtime's files. */
#ifndef YC_TASK_H
#define YC_TASK_H

#include "sched.h"

enum {
    YC__TASK_DONE = 1u << 0,       /* the root frame has returned */
    YC__TASK_DETACHED = 1u << 1,   /* nobody waits: freed when it finishes */
    YC__TASK_CANCELLED = 1u << 2,  /* yc_task_cancel: blocking calls fail */
    YC__TASK_SYNC = 1u << 3,       /* run by yc__run_sync for plain C */
    YC__TASK_JOINING = 1u << 4,    /* a yc_task_join is waiting for it */
    YC__TASK_BLOCKED = 1u << 5,    /* blocked in the primitive at abi.top */
    YC__TASK_SCOPED = 1u << 6,     /* ext->scope is set */
    YC__TASK_EXT_INLINE = 1u << 7, /* the extension follows the task */
    YC__TASK_WAITING = 1u << 8,    /* waits with no frame of the call
                                        (abi.h's yc__wait_done): its kind
                                        in the YC__WAIT_KIND bits */
    YC__TASK_WAIT_CANCELLED = 1u << 12, /* that wait ended: YC_ECANCELED */
    YC__TASK_WAIT_CLOSED = 1u << 13,    /* that wait ended: YC_EPIPE */
    YC__TASK_EXT_SIDE = 1u << 14,       /* the extension is in the table
                                           of extensions (task_ext.c) */
    YC__TASK_SPREAD = 1u << 15,         /* a proxy: its frames run, or wait
                                           to run, on another thread
                                           (threads.h); ext->spread is set */
    YC__TASK_TWIN = 1u << 16,           /* a twin: runs a proxy's frames on
                                           this thread; ext->spread is set */
    YC__TASK_LIVE = 1u << 31 /* not freed: cleared when the task is freed;
                                its slab slot holds only tasks, so a stale
                                handle reads it there (yc__handle_check) */
};

/* What a YC__TASK_WAITING task waits in (bits 9-11). On an event, a
   mutex or a semaphore it waits by its own link (wait.h: tq); on a
   channel by a pooled wlink, and in a sleep by a pooled timer, which its
   link's yc__prev points at (clock.c). */
#define YC__WAIT_KIND_SHIFT 9
#define YC__WAIT_KIND_MASK (7u << YC__WAIT_KIND_SHIFT)
enum {
    YC__WAIT_EVENT = 1,
    YC__WAIT_MUTEX = 2,
    YC__WAIT_SEM = 3,
    YC__WAIT_SEND = 4,
    YC__WAIT_RECV = 5,
    YC__WAIT_SLEEP_UNTIL = 6,
    YC__WAIT_SLEEP_FOR = 7
};
#define YC__WAIT_OUTCOME (YC__TASK_WAIT_CANCELLED | YC__TASK_WAIT_CLOSED)

/* Internal bits of yc_group.yc__flags, above the public YC_GROUP_* ones. */
enum {
    YC__GROUP_LINKED = 1u << 8,   /* in its owner's list of open groups */
    YC__GROUP_CANCELLED = 1u << 9 /* yc_group_cancel: new children too */
};

/* A deadline scope (yc_deadline_push). Scopes form a stack per task;
   each remembers the earliest deadline of itself and those outside it,
   so the deadline that applies is read in O(1). */
struct yc__scope {
    struct yc__scope *outer; /* the enclosing scope, or NULL */
    int64_t own;             /* the deadline given to yc_deadline_push */
    int64_t eff;             /* min(own, outer->eff), -1 meaning none */
    int fired;               /* a call failed because `own` was reached */
};

/* What only some tasks need: joinable and SYNC tasks get it with the
   task (one allocation), others when a feature first asks for it (a
   deadline scope, a group they open, a select on them). */
struct yc__task_ext {
    struct yc__scope *scope; /* innermost deadline scope, or NULL */
    union {
        yc_group *group;       /* yc__async tasks: the owning group */
        struct yc_task *outer; /* SYNC tasks: the task that was running
                                  when plain C made the call, or NULL */
    } up;
    struct yc_task *sib_prev; /* previous child of the same group */
    struct yc_task *sib_next; /* next child of the same group */
    yc_group *groups;         /* groups this task opened and has not yet
                                 waited for: cancelled along with it */
    struct yc__wq joiners;    /* join and select calls waiting for it */
    unsigned ret_offset;      /* where the root frame holds the result */
    unsigned ret_size;        /* the result's size; 0 for void */
    struct yc__away *spread;  /* proxies and twins: their shared record */
};

/* A task. The ABI part comes first, so that a struct yc__task * from
   generated code or the run queue is also a struct yc_task *, and the
   handle YC_ASYNC returns is the task itself (no separate allocation).

   Every idle micro-thread holds one, so it keeps only what every task
   needs (40 bytes): the rest is in the extension. It needs no link to
   the other tasks either: reports find them in its slab (task_slab.c).
   Nor does what a blocked task waits in need a field: the primitive it
   blocked in is its innermost frame (YC__TASK_BLOCKED, yc__task_wait),
   or it waits by its own link (YC__TASK_WAITING, wait.h); nor does the
   frame the scheduler is stepping (sched.h, struct yc__resuming).

       struct yc_task           struct yc__task_ext
       link flags id top | ext ──▶ scope up sib groups joiners ret_*
       (ABI, 32 bytes)           (0, inline, or pooled)

   Ownership: a task created by yc__spawn is freed when it finishes; one
   created by yc__async when it has finished and has been joined,
   detached, or, in a group, at once when it finishes; one created by
   yc__run_sync by yc__run_sync. A finished task's root frame (abi.top)
   holds its result until then. */
struct yc_task {
    struct yc__task abi; /* run-queue link, frames, flags, id */
};

/* The extensions of detached tasks that got one late (task_ext.c). */
struct yc__task_ext *yc__ext_side(const struct yc_task *t);
void yc__ext_side_put(struct yc__sched_full *s, struct yc_task *t,
                      struct yc__task_ext *e);
void yc__ext_side_del(struct yc__sched_full *s, struct yc_task *t);
void yc__ext_side_destroy(struct yc__sched_full *s);

/* t's extension, or NULL: right after the task in its slot, or in its
   scheduler's table. */
static inline struct yc__task_ext *yc__ext(const struct yc_task *t) {
    if (t->abi.flags & YC__TASK_EXT_INLINE)
        return (struct yc__task_ext *)(uintptr_t)(t + 1);
    if (YC__UNLIKELY(t->abi.flags & YC__TASK_EXT_SIDE))
        return yc__ext_side(t);
    return NULL;
}

/* Task memory (task_slab.c). Slab YC__SLAB_TASK holds tasks alone,
   YC__SLAB_TASK_EXT a task with its extension after it. */
enum { YC__SLAB_TASK = 0, YC__SLAB_TASK_EXT = 1 };
void yc__slab_init(struct yc__sched_full *s, unsigned k, unsigned size);
void *yc__slab_alloc(struct yc__sched_full *s, unsigned k);
void yc__slab_free(struct yc__sched_full *s, unsigned k, void *p);
void yc__slab_destroy(struct yc__sched_full *s);
/* Sets up the slabs of a new scheduler (task.c). */
void yc__task_slabs_init(struct yc__sched_full *s);

/* Walks the live tasks of s (in memory order): zero-initialise, then call
   yc__task_iter_next until it returns NULL. A task freed during the walk
   is skipped or returned before it is freed, never after. */
struct yc__task_iter {
    unsigned k;                /* the slab */
    int started;               /* ch and at are set for slab k */
    struct yc__slab_chunk *ch; /* the chunk */
    char *at;                  /* the next slot in it */
};
struct yc_task *yc__task_iter_next(const struct yc__sched_full *s,
                                   struct yc__task_iter *it);

/* The live tasks of s sorted by id (oldest first), for reports; t is NULL
   if there is none or no memory for the list. */
struct yc__task_list {
    struct yc_task **t;
    size_t n;
    size_t bytes;
};
struct yc__task_list yc__tasks_by_id(const struct yc__sched_full *s);
void yc__tasks_done(struct yc__task_list *l);

static inline struct yc_task *yc__task_of(struct yc__task *t) {
    return (struct yc_task *)t;
}

/* t's extension, allocated (from the frame pool) if it has none. */
struct yc__task_ext *yc__task_ext_get(struct yc__sched_full *s,
                                      struct yc_task *t);

/* The frame the scheduler is stepping for t: the innermost one a
   backtrace from outside the task's code can trust while t runs (abi.top
   may be a finished frame then); NULL when t is not being run. */
static inline struct yc__frame *
yc__task_stepping(const struct yc__sched_full *s, const struct yc_task *t) {
    for (const struct yc__resuming *r = s->running; r; r = r->outer)
        if (r->task == &t->abi)
            return r->stepping;
    return NULL;
}

/* Handles. The yc_task * a program holds is the task's address with a
   16-bit tag in its unused top bits: the task's id mixed with the salt of
   its scheduler. Every call taking a handle checks that the task is live
   and that the tag is what the task would be given now, so that a handle
   used after its join, after its detached task finished, or on another
   thread's scheduler, aborts with a message instead of reaching freed or
   reused memory (a handle whose slot was reused exactly by a task 65,536
   ids later is the one that would pass). A detached task's handles stay
   valid while it runs: the task itself may hold one (yc_task_current). */
#define YC__HANDLE_SHIFT 48
static inline unsigned yc__handle_tag(const struct yc_task *t, unsigned salt) {
    return (t->abi.id ^ salt) & 0xffffu;
}
static inline yc_task *yc__handle_of(struct yc__sched_full *s,
                                     struct yc_task *t) {
    uintptr_t a = (uintptr_t)t;
    if (!t || a >> YC__HANDLE_SHIFT)
        return t; /* no room for a tag: only liveness is checked */
    return (yc_task *)(a | (uintptr_t)yc__handle_tag(t, s->salt)
                               << YC__HANDLE_SHIFT);
}
/* The task behind handle h (not NULL) of a call named fn, checked: aborts
   with a message if the handle is stale or foreign. The check that passes
   is inline; under AddressSanitizer it is not, as the task of a stale
   handle is freed memory there, which only a function built without it
   may read. */
struct yc_task *yc__handle_check_slow(const yc_task *h, const char *fn);
static inline struct yc_task *
yc__handle_check(struct yc__sched_full *s, const yc_task *h, const char *fn) {
#if YC__NO_POOL
    (void)s;
    return yc__handle_check_slow(h, fn);
#else
    uintptr_t a = (uintptr_t)h;
    struct yc_task *t =
        (struct yc_task *)(a & (((uintptr_t)1 << YC__HANDLE_SHIFT) - 1));
    if (YC__LIKELY((t->abi.flags & YC__TASK_LIVE) &&
                   yc__handle_tag(t, s->salt) == a >> YC__HANDLE_SHIFT))
        return t;
    return yc__handle_check_slow(h, fn);
#endif
}
/* The same, NULL for NULL. */
static inline struct yc_task *
yc__handle_or_null(struct yc__sched_full *s, const yc_task *h, const char *fn) {
    return h ? yc__handle_check(s, h, fn) : NULL;
}

/* yc_task_cancel of a task (handle.c). */
void yc__task_cancel(struct yc_task *t);

/* The running task, or NULL in plain C. */
static inline struct yc_task *yc__cur(struct yc__sched *s) {
    return yc__task_of(s->cur);
}

/* The deadline that applies to the task's blocking calls, or -1. */
static inline int64_t yc__scope_deadline(const struct yc_task *t) {
    return t && (t->abi.flags & YC__TASK_SCOPED) ? yc__ext(t)->scope->eff : -1;
}

/* The earlier of two deadlines, -1 meaning none. */
static inline int64_t yc__deadline_min(int64_t a, int64_t b) {
    if (a < 0)
        return b;
    if (b < 0)
        return a;
    return a < b ? a : b;
}

/* Records that a call of t timed out at deadline d, which came from its
   scopes: the outermost scope whose own deadline is d is the one whose
   yc_deadline_pop reports YC_ETIMEDOUT. */
void yc__scope_fire(struct yc_task *t, int64_t d);

/* The check at the start of every blocking call: YC_ECANCELED if the
   running task is cancelled, YC_ETIMEDOUT if its scope deadline has
   passed, else 0. The common case (neither cancelled nor in a scope) is
   inline. */
int yc__checkpoint_slow(struct yc__sched *s);
static inline int yc__checkpoint(struct yc__sched *s) {
    struct yc_task *t = yc__cur(s);
    if (YC__LIKELY(!t ||
                   !(t->abi.flags & (YC__TASK_CANCELLED | YC__TASK_SCOPED))))
        return 0;
    return yc__checkpoint_slow(s);
}

/* Creates a task whose root frame is f, appended to the list of live
   tasks; flags are YC__TASK_* bits. A task that is not DETACHED gets its
   extension with it. Does not queue it. */
struct yc_task *yc__task_new(struct yc__sched_full *s, struct yc__frame *f,
                             unsigned flags);
/* Called by the scheduler when t's root frame has returned: wakes its
   joiners and frees what nobody will claim. */
void yc__task_finished(struct yc__sched_full *s, struct yc_task *t);
/* Frees a finished task and its root frame. */
void yc__task_free(struct yc__sched_full *s, struct yc_task *t);
/* Frees a task struct of a SYNC task (its root frame is the caller's). */
void yc__task_release(struct yc__sched_full *s, struct yc_task *t);
/* Frees every live task and its frames, at exit, without running them. */
void yc__task_destroy_all(struct yc__sched_full *s);

/* The group side of a finished child (group.c): records a failure, frees
   the child and wakes the group's waiter when it was the last. */
void yc__group_child_done(struct yc__sched_full *s, struct yc_task *t);
/* Cancels every child of g (group.c). */
void yc__group_cancel_children(yc_group *g);

#endif
