/* shared.c - the lock and the waits of objects shared between scheduler
   threads (see shared.h). */
#include "shared.h"

#include <sched.h>

void yc__xs_lock_slow(int *xs) {
    for (unsigned spins = 0;; spins++) {
        int free = YC__XS_FREE;
        if (__atomic_load_n(xs, __ATOMIC_RELAXED) == YC__XS_FREE &&
            __atomic_compare_exchange_n(xs, &free, YC__XS_HELD, 0,
                                        __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
            return;
        if (spins < 100)
            yc__cpu_relax();
        else
            sched_yield();
    }
}

static struct yc__xwait *xwait_of(struct yc__qnode *n) {
    return (struct yc__xwait *)(void *)n; /* link is the first member */
}

void yc__xq_push(struct yc__qnode *q, struct yc__xwait *x) {
    x->link.yc__next = NULL;
    x->link.yc__prev = q->yc__prev;
    if (q->yc__prev)
        q->yc__prev->yc__next = &x->link;
    else
        q->yc__next = &x->link;
    q->yc__prev = &x->link;
    x->queued = 1;
}

void yc__xq_remove(struct yc__qnode *q, struct yc__xwait *x) {
    struct yc__qnode *n = &x->link;
    if (n->yc__prev)
        n->yc__prev->yc__next = n->yc__next;
    else
        q->yc__next = n->yc__next;
    if (n->yc__next)
        n->yc__next->yc__prev = n->yc__prev;
    else
        q->yc__prev = n->yc__prev;
    n->yc__next = n->yc__prev = NULL;
    x->queued = 0;
}

struct yc__xwait *yc__xq_pop(struct yc__qnode *q) {
    if (!q->yc__next)
        return NULL;
    struct yc__xwait *x = xwait_of(q->yc__next);
    yc__xq_remove(q, x);
    return x;
}

void yc__xq_wake_all(struct yc__qnode *q1, struct yc__qnode *q2, int *xs,
                     int result) {
    /* Taken off under the lock, oldest first, and linked meanwhile by
       their (now unused) queue links; woken after it, in that order, so
       that waiters on one thread run in the order they came. */
    struct yc__xwait *first = NULL, *last = NULL, *x;
    for (struct yc__qnode *q = q1; q; q = q == q1 ? q2 : NULL)
        while ((x = yc__xq_pop(q)) != NULL) {
            x->result = result;
            if (last)
                last->link.yc__next = &x->link;
            else
                first = x;
            last = x;
        }
    yc__xs_unlock(xs);
    while (first) {
        struct yc__xwait *next =
            first == last ? NULL : xwait_of(first->link.yc__next);
        yc__xwake(first);
        first = next;
    }
}

/* On the waiter's thread (s NULL: it is being torn down). */
static void run_wake(struct yc__sched_full *s, struct yc__remote *r) {
    struct yc__xwait *x =
        (struct yc__xwait *)(void *)((char *)r - offsetof(struct yc__xwait, r));
    if (!s)
        return;
    x->arrived = 1;
    /* Not pending: a deadline or a cancellation woke the task first; its
       step will find the wake arrived. */
    if (x->p->wait.pending)
        yc__wait_wake(s, &x->p->wait, -1, 0);
}

void yc__xwake(struct yc__xwait *x) {
    struct yc__sched_full *here = yc__sched_peek();
    if (x->home == here) {
        run_wake(here, &x->r);
        return;
    }
    x->r.run = run_wake;
    yc__wake_post(x->home, &x->r);
}

int yc__xwait_block(struct yc__sched *abi, struct yc__prim *p,
                    struct yc__xwait *x, struct yc__qnode *q, int *xs,
                    void *data, const void *obj, int64_t deadline) {
    x->home = yc__full(abi);
    x->p = p;
    x->data = data;
    x->result = 0;
    x->arrived = 0;
    yc__xq_push(q, x);
    yc__xs_unlock(xs);
    p->wait.obj = obj;
    int rc = yc__prim_block(abi, p, 1, deadline);
    if (rc == YC__SUSPENDED) {
        yc__full(abi)->nexternal++;
        return rc;
    }
    /* The deadline has passed: unless a waker on another thread took x
       meanwhile, give up. */
    yc__full(abi)->nexternal++; /* as yc__xwait_resume expects */
    p->wait.result = p->ret;
    return yc__xwait_resume(abi, p, x, q, xs);
}

int yc__xwait_resume(struct yc__sched *abi, struct yc__prim *p,
                     struct yc__xwait *x, struct yc__qnode *q, int *xs) {
    struct yc__sched_full *s = yc__full(abi);
    s->nexternal--;
    if (p->hdr.state != 2) {
        yc__xs_lock(xs);
        int queued = x->queued;
        if (queued)
            yc__xq_remove(q, x);
        yc__xs_unlock(xs);
        if (queued)
            return yc__prim_done(p, p->wait.result);
    }
    if (x->arrived)
        return yc__prim_done(p, x->result);
    /* Done by a waker whose wake has not come yet: it points into this
       frame, so wait for it. */
    s->nexternal++;
    return yc__prim_block_shielded(abi, p, 2);
}
