/* wait.c - wait queues and the waking of blocked calls (prim.c blocks
   them). */
#include "prim.h"

_Static_assert(sizeof(void *) != 8 || sizeof(struct yc__wait) <= 56,
               "a wait record is in every blocked frame: keep it small");

void yc__wq_push(struct yc__wq *q, struct yc__wlink *l, struct yc__wait *w,
                 void *data) {
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

void yc__wq_remove(struct yc__wlink *l) {
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

/* The head's own links point at the first and the last task, untagged
   (NULL when empty, as zeroed storage is); a task's links point at its
   neighbours, or at the head with bit 0 set. A task can then leave its
   queue without knowing it (a cancellation), and a report can still
   find the object. */
static struct yc__qnode *tag(struct yc__qnode *q) {
    return (struct yc__qnode *)((uintptr_t)q | 1);
}
static int is_head(const struct yc__qnode *p) { return (uintptr_t)p & 1; }
static struct yc__qnode *untag(struct yc__qnode *p) {
    return (struct yc__qnode *)((uintptr_t)p & ~(uintptr_t)1);
}

void yc__tq_push(struct yc__qnode *q, struct yc_task *t) {
    struct yc__qnode *n = &t->abi.link, *last = q->yc__prev;
    n->yc__next = tag(q);
    n->yc__prev = last ? last : tag(q);
    if (last)
        last->yc__next = n;
    else
        q->yc__next = n;
    q->yc__prev = n;
}

void yc__tq_remove(struct yc_task *t) {
    struct yc__qnode *n = &t->abi.link, *nx = n->yc__next, *pv = n->yc__prev;
    if (is_head(pv))
        untag(pv)->yc__next = is_head(nx) ? NULL : nx;
    else
        pv->yc__next = nx;
    if (is_head(nx))
        untag(nx)->yc__prev = is_head(pv) ? NULL : pv;
    else
        nx->yc__prev = pv;
    n->yc__next = n->yc__prev = NULL;
}

const struct yc__qnode *yc__tq_head_of(const struct yc_task *t) {
    const struct yc__qnode *n = &t->abi.link, *p = n;
    /* Both ways at once: the nearer end is found first. */
    for (unsigned i = 0; i < 100000; i++) {
        if (is_head(n->yc__next))
            return untag(n->yc__next);
        if (is_head(p->yc__prev))
            return untag(p->yc__prev);
        n = n->yc__next;
        p = p->yc__prev;
    }
    return NULL;
}

void yc__tq_wait(struct yc__sched *s, struct yc_task *t, struct yc__qnode *q,
                 struct yc__frame *f, unsigned n, unsigned kind) {
    yc__tq_push(q, t);
    f->state = n;
    t->abi.top = f;
    t->abi.flags =
        (t->abi.flags & ~(YC__WAIT_KIND_MASK | YC__TASK_WAIT_FAILED)) |
        YC__TASK_WAITING | kind << YC__WAIT_KIND_SHIFT;
    s->susp = 1; /* every step function on the C stack returns */
}

void yc__tq_wake(struct yc__sched_full *s, struct yc_task *t, int result) {
    if (t->abi.flags & YC__TASK_BLOCKED) {
        /* A primitive's frame waits there (a deadline, plain C). */
        yc__wait_wake(s, yc__task_wait(t), -1, result);
        return;
    }
    yc_assert(t->abi.flags & YC__TASK_WAITING);
    yc__tq_remove(t);
    t->abi.flags &= ~(YC__TASK_WAITING | YC__WAIT_KIND_MASK);
    /* The one way such a wait fails. */
    yc_assert(result == 0 || result == YC_ECANCELED);
    if (result)
        t->abi.flags |= YC__TASK_WAIT_FAILED;
    yc__enqueue(s, &t->abi);
}

void yc__tq_wake_all(struct yc__sched_full *s, struct yc__qnode *q,
                     int result) {
    struct yc_task *t;
    while ((t = yc__tq_first(q)) != NULL)
        yc__tq_wake(s, t, result);
}
