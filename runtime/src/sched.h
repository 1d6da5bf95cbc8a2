/* sched.h - the scheduler's private state, shared by the runtime's files. */
#ifndef YC_SCHED_H
#define YC_SCHED_H

#include "yieldc.h"
#include "yieldc/abi.h"

#include "fail.h"
#include "poller.h"
#include "timer.h"
#include "wake.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A block of memory carved into frames of one size class. */
struct yc__chunk {
    struct yc__chunk *next; /* all chunks, freed at exit */
};

/* Task memory (task_slab.c): one slab per slot size. */
struct yc__slab_chunk;
struct yc__slab {
    unsigned size;                /* bytes per slot */
    unsigned nchunks;             /* chunks allocated */
    void *free;                   /* freed slots, linked by their first word */
    struct yc__slab_chunk *first; /* the oldest chunk */
    struct yc__slab_chunk *last;  /* the newest, being cut */
    char *limit;                  /* the end of the newest chunk */
};
#define YC__NSLABS 2 /* a task alone; a task with its extension */

/* The extensions that detached tasks got late (task_ext.c). */
struct yc__ext_slot {
    const struct yc_task *t; /* the task, or NULL: a free slot */
    struct yc__task_ext *e;  /* its extension */
};
struct yc__ext_table {
    struct yc__ext_slot *v; /* cap slots, a power of two, or NULL */
    unsigned cap;           /* slots */
    unsigned n;             /* slots in use */
};

/* A call of the scheduler's resume, on the C stack: which task it runs
   and which of its frames it is stepping. Resumes nest (plain C calling a
   coroutine from a running task), so they form a stack (s->running).
   Reports read it to find a running task's innermost live frame; keeping
   it here rather than in every task keeps idle tasks small. */
struct yc__resuming {
    struct yc__task *task;      /* the task being run; once it has
                                   finished (and may be freed) nothing
                                   runs before this resume returns */
    struct yc__frame *stepping; /* the frame whose step runs */
    struct yc__resuming *outer; /* the resume this one runs inside */
};

/* The hooks through which the core reaches the layers above it (the
   reports, offload's worker pool, stackful micro-threads) without knowing
   them: layers.c, the one file that knows every layer, fills them in when
   a scheduler is created. */
struct yc__hooks {
    /* Nothing can run, nothing is pending, tasks are blocked: report them
       and exit. */
    void (*deadlock)(struct yc__sched_full *s);
    /* A coroutine called from plain C on a stackful micro-thread
       (abi.fiber set): run frame f on that stack. */
    void (*fiber_run)(struct yc__sched *s, struct yc__frame *f);
    /* Teardown, in this order, before the core frees the tasks, timers,
       fds and frames: the exit report, letting go of offloaded jobs,
       freeing the stacks of stackful micro-threads. */
    void (*exit_report)(struct yc__sched_full *s);
    void (*abandon_offload)(struct yc__sched_full *s);
    void (*destroy_fibers)(struct yc__sched_full *s);
};

/* The tasks a scheduler started with YC_SPAWN_ANY that no thread has
   taken yet (threads.c): other scheduler threads steal from here. A ring
   that only the owner puts into and any thread takes from with a
   compare-and-swap on `head`, as Go's run queues; when it is full, half
   of it moves to a list under a lock. */
#define YC__SPREAD_RING 256
struct yc__away;
struct yc__spread {
    _Atomic unsigned head;                          /* the oldest */
    _Atomic unsigned tail;                          /* the next free slot */
    struct yc__away *_Atomic ring[YC__SPREAD_RING]; /* at index % size */
    int lock;                  /* shared.h's spin lock: the list */
    struct yc__away *over;     /* the overflow list, oldest first, linked
                                  by r.next */
    struct yc__away *over_end; /* its newest */
    atomic_uint nover;         /* its length; read without the lock */
};

/* Fills in s->hooks (layers.c). */
void yc__layers_attach(struct yc__sched_full *s);

/* One scheduler per OS thread. The ABI part comes first so that generated
   code and the runtime see the same struct yc__sched.

   A round (see sched.c) reads the clock, fires due timers, takes in work
   posted by other threads, then runs the tasks that were ready when the
   round began; while I/O calls wait, each round first looks (without
   blocking) for ready fds. When nothing is ready, the scheduler blocks in
   its poller until an fd is ready, the next timer or a wake-up. */
struct yc__sched_full {
    struct yc__sched abi;              /* running task and frame pool */
    struct yc__task *head;             /* run queue: next task to resume */
    struct yc__task *tail;             /* run queue: last task */
    unsigned nready;                   /* tasks in the run queue */
    struct yc__slab slabs[YC__NSLABS]; /* the tasks' memory */
    struct yc__ext_table ext_side;     /* extensions of detached tasks */
    struct yc__chunk *chunks;          /* frame memory, for the exit cleanup */
    unsigned nchunks;                  /* chunks allocated */
    char *bump[YC__FRAME_CLASSES];     /* per size class: the unused part of
                                          its newest chunk ... */
    char *bump_end[YC__FRAME_CLASSES]; /* ... up to here */
    struct yc__scope *free_scopes;     /* recycled deadline scopes */
    unsigned ntasks;                   /* tasks started and not yet finished */
    unsigned next_id;                  /* id of the next task */
    unsigned salt;                     /* distinct per scheduler, mixed into
                                          handle tags (task.h) */
    struct yc__resuming *running;      /* the innermost resume in progress:
                                          NULL when no step call runs */
    unsigned yields_park;              /* rounds in progress whose caller needs
                                          its turn back (yc_sched_run_ready's,
                                          yc__round_from_plain's): a yield
                                          parks even alone, so the round ends */
    unsigned nexternal;                /* blocked waits that something outside
                                          the scheduler may end (futures): while
                                          nonzero, idling is not a deadlock */
    int64_t now;                       /* the clock as read in this round; valid
                                          when abi.now_valid: it is read
                                          lazily, at most once a round, so
                                          rounds that need no time (a
                                          ping-pong) cost no clock read */
    struct yc__heap timers;            /* pending deadlines */
    struct yc__wake wake;              /* wake-up fd and cross-thread queue */
    struct yc__poller poll;            /* fds with waiting I/O calls; where
                                          the scheduler sleeps */
    struct yc__hooks hooks;            /* the layers above the core */
    /* Threads (threads.c). */
    int index;                /* this scheduler thread's number
                                          (yc_thread_index), or -1 */
    int worker;               /* a thread yc_threads_start made: it
                                          waits for work, never reports a
                                          deadlock */
    int placed;               /* the next spawn goes to `where` */
    int where;                /* a thread's index, or -1: any */
    unsigned naway;           /* tasks started here whose frames run
                                          on another thread or wait in
                                          `spread`: idling is no deadlock */
    atomic_int idle;          /* 1 while blocked with nothing to do:
                                          a new spread task wakes it */
    atomic_int awake;         /* 1 while this thread runs the
                                          scheduler's own loop, which looks
                                          at abi.remote before it blocks: a
                                          post then needs no wake-up */
    struct yc__spread spread; /* tasks for any thread to take */
};

static inline struct yc__sched_full *yc__full(struct yc__sched *s) {
    return (struct yc__sched_full *)s;
}

/* Whether work from other threads is queued: abi.remote, 1 while the
   queue is not empty, read each round without a system call. */
static inline int yc__wake_pending(struct yc__sched_full *s) {
    return __atomic_load_n(&s->abi.remote, __ATOMIC_ACQUIRE);
}

/* This thread's scheduler if it has one, else NULL (never creates one). */
struct yc__sched_full *yc__sched_peek(void);
/* The same, or the scheduler this thread is tearing down. */
struct yc__sched_full *yc__sched_owner(void);

/* One round of the scheduler, for a yield made outside any micro-thread's
   own frame (a variadic coroutine called from plain C): the others run
   once, as they would around the yield of a plain call. */
void yc__round_from_plain(struct yc__sched_full *s);

/* Appends task t to the back of the run queue. Inline: every wake-up
   ends here. */
static inline void yc__enqueue(struct yc__sched_full *s, struct yc__task *t) {
    t->link.yc__next = NULL;
    s->nready++;
    s->abi.busy++;
    if (s->tail)
        s->tail->link.yc__next = &t->link;
    else
        s->head = t;
    s->tail = t;
}

/* The pause of a spin loop. */
static inline void yc__cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

/* Reads the monotonic clock into s->now (clock.c). */
void yc__clock_update(struct yc__sched_full *s);

/* The current round's time: the clock as read the first time the round
   asks for it. */
static inline int64_t yc__now(struct yc__sched_full *s) {
    if (!s->abi.now_valid)
        yc__clock_update(s);
    return s->now;
}
/* The monotonic clock in nanoseconds, read now (clock.c). */
int64_t yc__clock_read(void);

/* Memory for runtime structs that come and go as often as frames (tasks),
   from the frame pool: no malloc once the pool is warm. */
static inline void *yc__pool_alloc(struct yc__sched_full *s, unsigned size) {
    return yc__frame_alloc(&s->abi, size);
}
/* The same from the pool's free list only: NULL when it is empty (or
   there is no pool), for a caller that takes the slow path as a tail
   call. */
static inline void *yc__pool_take(struct yc__sched_full *s, unsigned size) {
    return yc__frame_pop(&s->abi, size);
}
static inline void yc__pool_free(struct yc__sched_full *s, void *p,
                                 unsigned size) {
    ((struct yc__frame *)p)->size = (size + 7) & ~7u;
    yc__frame_free(&s->abi, (struct yc__frame *)p);
}

/* Frees every frame of a task's chain, from f up to its root. */
void yc__frame_free_chain(struct yc__sched *s, struct yc__frame *f);
/* Frees the pooled frame memory (at thread or program exit). */
void yc__frame_pool_destroy(struct yc__sched *s);

#endif
