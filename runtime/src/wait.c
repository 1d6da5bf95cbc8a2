/* wait.c - wait queues and the waking of blocked calls (prim.c blocks
   them). */
#include "wait.h"

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
