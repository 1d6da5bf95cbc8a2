/* wait.c - wait queues and the waking of blocked calls (prim.c blocks
   them). */
#include "prim.h"

_Static_assert(sizeof(void *) != 8 || sizeof(struct yc__wait) <= 56,
               "a wait record is in every blocked frame: keep it small");

/* ------------------------------------------------------------------ */
/* Waking                                                              */
/* ------------------------------------------------------------------ */

void yc__wait_unqueue(struct yc__wait *w) {
    for (unsigned i = 0; i < w->nlinks; i++)
        yc__wq_remove(&w->links[i]);
    if (w->in_tq) {
        yc__tq_remove(w->task);
        w->in_tq = 0;
    }
}

/* Disarms w's timer and gives back a pooled one. */
static void drop_timer(struct yc__sched_full *s, struct yc__wait *w) {
    struct yc__wtimer *t = w->timer;
    if (!t)
        return;
    w->timer = NULL;
    yc__timer_del(s, &t->t);
    if (w->pooled)
        yc__pool_free(s, t, sizeof *t);
    w->pooled = 0;
}

void yc__wait_wake(struct yc__sched_full *s, struct yc__wait *w, int index,
                   int result) {
    yc_assert(w->pending);
    yc__wait_unqueue(w);
    drop_timer(s, w);
    w->result = result;
    w->index = index;
    w->pending = 0;
    w->task->abi.flags &= ~YC__TASK_BLOCKED;
    yc__enqueue(s, &w->task->abi);
}

void yc__wq_wake_all(struct yc__sched_full *s, struct yc__wq *q, int result) {
    struct yc__wlink *l;
    while ((l = yc__wq_first(q)) != NULL)
        yc__wlink_wake(s, l, result);
}

/* ------------------------------------------------------------------ */
/* Task queues                                                         */
/* ------------------------------------------------------------------ */

const struct yc__qnode *yc__tq_head_of(const struct yc_task *t) {
    const struct yc__qnode *n = &t->abi.link, *p = n;
    /* Both ways at once: the nearer end is found first. */
    for (unsigned i = 0; i < 100000; i++) {
        if (yc__tq_is_head(n->yc__next))
            return yc__tq_untag(n->yc__next);
        if (yc__tq_is_head(p->yc__prev))
            return yc__tq_untag(p->yc__prev);
        n = n->yc__next;
        p = p->yc__prev;
    }
    return NULL;
}

void yc__tq_wake(struct yc__sched_full *s, struct yc_task *t, int result) {
    if (t->abi.flags & YC__TASK_BLOCKED) {
        /* A primitive's frame waits there (a deadline, plain C). */
        yc__wait_wake(s, yc__task_wait(t), -1, result);
        return;
    }
    yc_assert(t->abi.flags & YC__TASK_WAITING);
    yc__tq_remove(t);
    yc__wait_end(s, t, result);
}

void yc__tq_wake_all(struct yc__sched_full *s, struct yc__qnode *q,
                     int result) {
    struct yc_task *t;
    while ((t = yc__tq_first(q)) != NULL)
        yc__tq_wake(s, t, result);
}

/* ------------------------------------------------------------------ */
/* Frameless waits on a wlink queue (channels)                         */
/* ------------------------------------------------------------------ */

static inline void wait_bare(struct yc__sched *s, struct yc_task *t,
                             struct yc__wq *q, void *data, struct yc__frame *f,
                             unsigned kind, struct yc__wlink *l) {
    yc__wq_push(q, l, (struct yc__wait *)(void *)((uintptr_t)t | 1), data);
    t->abi.link.yc__prev = (struct yc__qnode *)(void *)l;
    yc__wait_park(s, t, f, kind);
}

static __attribute__((noinline)) void
wait_bare_slow(struct yc__sched *s, struct yc_task *t, struct yc__wq *q,
               void *data, struct yc__frame *f, unsigned kind) {
    wait_bare(s, t, q, data, f, kind,
              yc__pool_alloc(yc__full(s), sizeof(struct yc__wlink)));
}

void yc__wq_wait_bare(struct yc__sched *s, struct yc_task *t, struct yc__wq *q,
                      void *data, struct yc__frame *f, unsigned kind) {
    /* The pool's refill is a tail call, so that the common path saves no
       registers. */
    struct yc__wlink *l = yc__pool_take(yc__full(s), sizeof *l);
    if (YC__UNLIKELY(!l)) {
        wait_bare_slow(s, t, q, data, f, kind);
        return;
    }
    wait_bare(s, t, q, data, f, kind, l);
}

void yc__wlink_wake_bare(struct yc__sched_full *s, struct yc__wlink *l,
                         int result) {
    struct yc_task *t = yc__wlink_task(l);
    yc__wq_remove(l);
    yc__pool_free(s, l, sizeof *l);
    t->abi.link.yc__prev = NULL;
    yc__wait_end(s, t, result);
}
