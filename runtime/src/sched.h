/* sched.h - the scheduler's private state, shared by the runtime's files. */
#ifndef YC_SCHED_H
#define YC_SCHED_H

#include "yieldc.h"
#include "yieldc/abi.h"

enum {
    YC__TASK_DONE = 1u << 0,    /* the root frame has returned */
    YC__TASK_DETACHED = 1u << 1 /* nobody waits: freed when it finishes */
};

/* A block of memory carved into frames of one size class. */
struct yc__chunk {
    struct yc__chunk *next; /* all chunks, freed at exit */
};

/* One scheduler per OS thread. The ABI part comes first so that generated
   code and the runtime see the same struct yc__sched. */
struct yc__sched_full {
    struct yc__sched abi;        /* running task and frame pool */
    struct yc__task *head;       /* run queue: next task to resume */
    struct yc__task *tail;       /* run queue: last task */
    struct yc__task *free_tasks; /* recycled task structs */
    struct yc__chunk *chunks;    /* frame memory, for the exit cleanup */
    unsigned ntasks;             /* tasks started and not yet finished */
    unsigned next_id;            /* id of the next task */
    unsigned running;            /* nesting depth of step calls in progress */
};

static inline struct yc__sched_full *yc__full(struct yc__sched *s) {
    return (struct yc__sched_full *)s;
}

/* Frees every frame of a task's chain, from f up to its root. */
void yc__frame_free_chain(struct yc__sched *s, struct yc__frame *f);
/* Frees the pooled frame memory (at thread or program exit). */
void yc__frame_pool_destroy(struct yc__sched *s);

#endif
