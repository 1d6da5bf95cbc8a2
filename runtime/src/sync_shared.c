/* sync_shared.c - the shared mutex, semaphore, event and condition
   variable: the same FIFO hand-over as sync.c's, with every step under
   the object's lock and the waits of shared.h, so that micro-threads on
   different scheduler threads can share them. sync.c's calls come here
   when the object's lock word (yc__xs) is set. */
#include "sync_shared.h"

#include <limits.h>

/* Queues and wakes work on the waiters' head, as shared.h describes. */

/* ------------------------------------------------------------------ */
/* Mutex                                                               */
/* ------------------------------------------------------------------ */

void yc_mutex_init_shared(yc_mutex *m) {
    yc_mutex_init(m);
    m->yc__xs = YC__XS_FREE;
}

int yc__xmutex_lock(struct yc__sched *s, struct yc__prim *p,
                    struct yc__xwait *x, yc_mutex *m, void *me,
                    int64_t deadline) {
    if (p->hdr.state != 0)
        return yc__xwait_resume(s, p, x, &m->yc__waiters, &m->yc__xs);
    int rc = yc__checkpoint(s);
    if (rc)
        return yc__prim_done(p, rc);
    yc__xs_lock(&m->yc__xs);
    if (m->yc__owner == me) {
        rc = YC_EDEADLK;
    } else if (!m->yc__owner) {
        m->yc__owner = me;
    } else {
        /* The unlock that hands it over sets the owner to x->data. */
        return yc__xwait_block(s, p, x, &m->yc__waiters, &m->yc__xs, me, m,
                               deadline);
    }
    yc__xs_unlock(&m->yc__xs);
    return yc__prim_done(p, rc);
}

int yc__xmutex_trylock(yc_mutex *m, void *me) {
    yc__xs_lock(&m->yc__xs);
    int rc = m->yc__owner ? YC_EBUSY : 0;
    if (!rc)
        m->yc__owner = me;
    yc__xs_unlock(&m->yc__xs);
    return rc;
}

/* Hands m (lock held) to its first waiter or frees it; returns the
   waiter to wake once the lock is released. */
static struct yc__xwait *hand_over(yc_mutex *m) {
    struct yc__xwait *x = yc__xq_pop(&m->yc__waiters);
    m->yc__owner = x ? x->data : NULL;
    if (x)
        x->result = 0;
    return x;
}

int yc__xmutex_unlock(yc_mutex *m, void *me) {
    yc__xs_lock(&m->yc__xs);
    if (m->yc__owner != me) {
        yc__xs_unlock(&m->yc__xs);
        return YC_EPERM;
    }
    struct yc__xwait *x = hand_over(m);
    yc__xs_unlock(&m->yc__xs);
    if (x)
        yc__xwake(x);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Semaphore                                                           */
/* ------------------------------------------------------------------ */

void yc_sem_init_shared(yc_sem *sem, unsigned value) {
    yc_sem_init(sem, value);
    sem->yc__xs = YC__XS_FREE;
}

int yc__xsem_acquire(struct yc__sched *s, struct yc__prim *p,
                     struct yc__xwait *x, yc_sem *sem, int64_t deadline) {
    if (p->hdr.state != 0)
        return yc__xwait_resume(s, p, x, &sem->yc__waiters, &sem->yc__xs);
    int rc = yc__checkpoint(s);
    if (rc)
        return yc__prim_done(p, rc);
    yc__xs_lock(&sem->yc__xs);
    if (!sem->yc__value)
        return yc__xwait_block(s, p, x, &sem->yc__waiters, &sem->yc__xs, NULL,
                               sem, deadline);
    sem->yc__value--;
    yc__xs_unlock(&sem->yc__xs);
    return yc__prim_done(p, 0);
}

int yc__xsem_tryacquire(yc_sem *sem) {
    yc__xs_lock(&sem->yc__xs);
    int rc = sem->yc__value ? 0 : YC_EAGAIN;
    if (!rc)
        sem->yc__value--;
    yc__xs_unlock(&sem->yc__xs);
    return rc;
}

int yc__xsem_release(yc_sem *sem) {
    int rc = 0;
    yc__xs_lock(&sem->yc__xs);
    struct yc__xwait *x = yc__xq_pop(&sem->yc__waiters);
    if (x)
        x->result = 0; /* the unit goes to it */
    else if (sem->yc__value == UINT_MAX)
        rc = YC_EINVAL;
    else
        sem->yc__value++;
    yc__xs_unlock(&sem->yc__xs);
    if (x)
        yc__xwake(x);
    return rc;
}

unsigned yc__xsem_value(const yc_sem *sem) {
    yc_sem *s = (yc_sem *)sem;
    yc__xs_lock(&s->yc__xs);
    unsigned v = s->yc__value;
    yc__xs_unlock(&s->yc__xs);
    return v;
}

/* ------------------------------------------------------------------ */
/* Event                                                               */
/* ------------------------------------------------------------------ */

void yc_event_init_shared(yc_event *e, int set) {
    yc_event_init(e, set);
    e->yc__xs = YC__XS_FREE;
}

int yc__xevent_wait(struct yc__sched *s, struct yc__prim *p,
                    struct yc__xwait *x, yc_event *e, int64_t deadline) {
    if (p->hdr.state != 0)
        return yc__xwait_resume(s, p, x, &e->yc__waiters, &e->yc__xs);
    int rc = yc__checkpoint(s);
    if (rc)
        return yc__prim_done(p, rc);
    yc__xs_lock(&e->yc__xs);
    if (!e->yc__set)
        return yc__xwait_block(s, p, x, &e->yc__waiters, &e->yc__xs, NULL, e,
                               deadline);
    yc__xs_unlock(&e->yc__xs);
    return yc__prim_done(p, 0);
}

void yc__xevent_set(yc_event *e, int set) {
    yc__xs_lock(&e->yc__xs);
    __atomic_store_n(&e->yc__set, set, __ATOMIC_RELAXED);
    if (!set) {
        yc__xs_unlock(&e->yc__xs);
        return;
    }
    yc__xq_wake_all(&e->yc__waiters, NULL, &e->yc__xs, 0);
}

int yc__xevent_is_set(const yc_event *e) {
    return __atomic_load_n(&e->yc__set, __ATOMIC_RELAXED);
}

/* ------------------------------------------------------------------ */
/* Condition variable                                                  */
/* ------------------------------------------------------------------ */

void yc_cond_init_shared(yc_cond *c) {
    yc_cond_init(c);
    c->yc__xs = YC__XS_FREE;
}

void yc__xcond_signal(yc_cond *c, int all) {
    yc__xs_lock(&c->yc__xs);
    if (all) {
        yc__xq_wake_all(&c->yc__waiters, NULL, &c->yc__xs, 0);
        return;
    }
    struct yc__xwait *x = yc__xq_pop(&c->yc__waiters);
    if (x)
        x->result = 0;
    yc__xs_unlock(&c->yc__xs);
    if (x)
        yc__xwake(x);
}

/* Takes m back for `me` after the wait on the condition ended with err:
   at once if it is free, else queued on it (shielded: the relock ignores
   cancellation and deadlines), resuming at state 3. */
static int relock(struct yc__sched *s, struct yc__prim *p, struct yc__xwait *x,
                  yc_mutex *m, void *me, int *err, int e) {
    *err = e;
    yc__xs_lock(&m->yc__xs);
    /* Still its own if the wait never let it go (see state 0). */
    if (!m->yc__owner || m->yc__owner == me) {
        m->yc__owner = me;
        yc__xs_unlock(&m->yc__xs);
        return yc__prim_done(p, e);
    }
    x->home = yc__full(s);
    x->p = p;
    x->data = me;
    x->arrived = 0;
    yc__xq_push(&m->yc__waiters, x);
    yc__xs_unlock(&m->yc__xs);
    yc__full(s)->nexternal++;
    return yc__prim_block_shielded(s, p, 3);
}

/* States: 1 waits on c (its deadline applies), 2 waits for the wake of a
   signal that took x before the wait could give up, 3 waits for m. */
int yc__xcond_wait(struct yc__sched *s, struct yc__prim *p, struct yc__xwait *x,
                   yc_cond *c, yc_mutex *m, void *me, int *err,
                   int64_t deadline) {
    switch (p->hdr.state) {
    case 0: {
        if (!YC__SHARED(m))
            return yc__prim_done(p, YC_EINVAL);
        yc__xs_lock(&m->yc__xs);
        int mine = m->yc__owner == me;
        yc__xs_unlock(&m->yc__xs);
        if (!mine)
            return yc__prim_done(p, YC_EPERM);
        int rc = yc__checkpoint(s);
        if (rc)
            return yc__prim_done(p, rc);
        yc__xs_lock(&c->yc__xs);
        rc = yc__xwait_block(s, p, x, &c->yc__waiters, &c->yc__xs, NULL, c,
                             deadline);
        if (rc == YC__SUSPENDED && p->hdr.state == 1) {
            /* Queued on c before m is let go: no signal is lost. */
            yc__xs_lock(&m->yc__xs);
            struct yc__xwait *next = hand_over(m);
            yc__xs_unlock(&m->yc__xs);
            if (next)
                yc__xwake(next);
            return rc;
        }
        /* The deadline had passed, and m was never let go: the call
           fails, or (state 2) a signal took x first, and the call
           succeeds once its wake is here. */
        return rc;
    }
    case 1:
    case 2: {
        int rc = yc__xwait_resume(s, p, x, &c->yc__waiters, &c->yc__xs);
        if (rc == YC__SUSPENDED)
            return rc;
        return relock(s, p, x, m, me, err, p->ret);
    }
    default:
        yc__full(s)->nexternal--;
        return yc__prim_done(p, *err); /* the unlock set the owner */
    }
}
