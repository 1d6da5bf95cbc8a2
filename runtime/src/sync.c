/* sync.c - mutex, semaphore, event and condition variable.

   All four keep their waiters in a FIFO wait queue, and a release hands
   the mutex or the semaphore unit straight to the longest waiter rather
   than letting whoever runs next grab it: that is what makes them fair,
   and it means "free" implies "nobody waiting". A single scheduler runs
   one task at a time, so checking a condition and queueing on it cannot
   be split by a wake-up: no wake-up is lost. */
#include "sync_shared.h"

#include <limits.h>

/* ------------------------------------------------------------------ */
/* Mutex                                                               */
/* ------------------------------------------------------------------ */

/* Plain C outside any micro-thread holds a mutex as this one holder, one
   per OS thread (a shared mutex tells threads apart). */
static _Thread_local char plain_holder;

/* Who is calling now, as a mutex holder. */
static void *holder(struct yc__sched *s) {
    struct yc_task *t = yc__cur(s);
    return t ? (void *)t : (void *)&plain_holder;
}

/* Who is calling primitive frame f, as a mutex holder: for a call from
   plain C, which runs as a task of its own (yc__run_sync) whose root is
   f, the holder is whoever made the plain call, so that its unlock
   matches. */
static void *holder_of(struct yc__sched *s, struct yc__frame *f) {
    struct yc_task *t = yc__cur(s);
    if (!yc__frame_caller(f) && (t->abi.flags & YC__TASK_SYNC))
        t = yc__ext(t)->up.outer;
    return t ? (void *)t : (void *)&plain_holder;
}

/* The holder that waiting task t would be: itself, unless it waits in
   the primitive of a plain C call (holder_of). */
static void *waiter_holder(struct yc_task *t) {
    if ((t->abi.flags & YC__TASK_BLOCKED) && !yc__frame_caller(t->abi.top) &&
        (t->abi.flags & YC__TASK_SYNC)) {
        t = yc__ext(t)->up.outer;
        return t ? (void *)t : (void *)&plain_holder;
    }
    return t;
}

/* Hands m to its first waiter, or frees it. */
static void release(struct yc__sched_full *s, yc_mutex *m) {
    struct yc_task *t = yc__tq_first(&m->yc__waiters);
    if (t) {
        m->yc__owner = waiter_holder(t);
        yc__tq_wake(s, t, 0);
    } else {
        m->yc__owner = NULL;
    }
}

void yc_mutex_init(yc_mutex *m) {
    m->yc__owner = NULL;
    m->yc__waiters.yc__next = m->yc__waiters.yc__prev = NULL;
    m->yc__xs = YC__XS_LOCAL;
}

struct yc__yc_mutex_lock_args {
    yc_mutex *m;      /* the mutex */
    int64_t deadline; /* when to give up */
};
struct lock_frame {
    struct yc__prim p;
    struct yc__yc_mutex_lock_args a;
    /* A shared mutex's wait follows (YC__XWAIT_AFTER). */
};

static int lock_run(struct lock_frame *f, struct yc__sched *s) {
    if (YC__SHARED(f->a.m))
        return yc__xmutex_lock(s, &f->p, YC__XWAIT_AFTER(f), f->a.m,
                               holder_of(s, &f->p.hdr), f->a.deadline);
    if (f->p.hdr.state != 0)
        return yc__prim_done(&f->p, f->p.wait.result);
    yc_mutex *m = f->a.m;
    void *me = holder_of(s, &f->p.hdr);
    if (m->yc__owner == me)
        return yc__prim_done(&f->p, YC_EDEADLK);
    int rc = yc__checkpoint(s);
    if (rc)
        return yc__prim_done(&f->p, rc);
    if (!m->yc__owner) {
        m->yc__owner = me;
        return yc__prim_done(&f->p, 0);
    }
    yc__prim_queue_task(s, &f->p, &m->yc__waiters, m);
    return yc__prim_block(s, &f->p, 1, f->a.deadline);
}

YC__PRIMITIVE_SIZED(yc_mutex_lock, struct lock_frame, lock_run,
                    YC__XWAIT_EXTRA(m), (yc_mutex * m, int64_t deadline),
                    (m, deadline))

int yc__yc_mutex_lock_in(struct yc__sched *s, struct yc__frame *f,
                         unsigned state, yc_mutex *m, int64_t deadline) {
    struct yc_task *t = yc__cur(s);
    f->state = state;
    if (!(t->abi.flags & (YC__TASK_CANCELLED | YC__TASK_SCOPED)) &&
        YC__LIKELY(!YC__SHARED(m))) {
        if (m->yc__owner == t)
            return YC_EDEADLK;
        if (!m->yc__owner) {
            m->yc__owner = t;
            return 0;
        }
        if (deadline < 0) {
            yc__tq_wait(s, t, &m->yc__waiters, f, YC__WAIT_MUTEX);
            return 0;
        }
    }
    YC__IN_FRAME(yc_mutex_lock, m, deadline);
}

int yc_mutex_trylock(yc_mutex *m) {
    if (YC__SHARED(m))
        return yc__xmutex_trylock(m, holder(yc__sched_get()));
    if (m->yc__owner)
        return YC_EBUSY;
    m->yc__owner = holder(yc__sched_get());
    return 0;
}

int yc_mutex_unlock(yc_mutex *m) {
    struct yc__sched *s = yc__sched_get();
    if (YC__SHARED(m))
        return yc__xmutex_unlock(m, holder(s));
    if (m->yc__owner != holder(s))
        return YC_EPERM;
    release(yc__full(s), m);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Semaphore                                                           */
/* ------------------------------------------------------------------ */

void yc_sem_init(yc_sem *sem, unsigned value) {
    sem->yc__value = value;
    sem->yc__xs = YC__XS_LOCAL;
    sem->yc__waiters.yc__next = sem->yc__waiters.yc__prev = NULL;
}

unsigned yc_sem_value(const yc_sem *sem) {
    if (YC__SHARED(sem))
        return yc__xsem_value(sem);
    return sem->yc__value;
}

int yc_sem_tryacquire(yc_sem *sem) {
    if (YC__SHARED(sem))
        return yc__xsem_tryacquire(sem);
    if (!sem->yc__value)
        return YC_EAGAIN;
    sem->yc__value--;
    return 0;
}

int yc_sem_release(yc_sem *sem) {
    if (YC__SHARED(sem))
        return yc__xsem_release(sem);
    struct yc_task *t = yc__tq_first(&sem->yc__waiters);
    if (t) {
        yc__tq_wake(yc__full(yc__sched_get()), t, 0);
        return 0;
    }
    if (sem->yc__value == UINT_MAX)
        return YC_EINVAL;
    sem->yc__value++;
    return 0;
}

struct yc__yc_sem_acquire_args {
    yc_sem *sem;      /* the semaphore */
    int64_t deadline; /* when to give up */
};
struct acquire_frame {
    struct yc__prim p;
    struct yc__yc_sem_acquire_args a;
    /* A shared semaphore's wait follows (YC__XWAIT_AFTER). */
};

static int acquire_run(struct acquire_frame *f, struct yc__sched *s) {
    if (YC__SHARED(f->a.sem))
        return yc__xsem_acquire(s, &f->p, YC__XWAIT_AFTER(f), f->a.sem,
                                f->a.deadline);
    if (f->p.hdr.state != 0)
        return yc__prim_done(&f->p, f->p.wait.result);
    int rc = yc__checkpoint(s);
    if (rc || yc_sem_tryacquire(f->a.sem) == 0)
        return yc__prim_done(&f->p, rc);
    yc__prim_queue_task(s, &f->p, &f->a.sem->yc__waiters, f->a.sem);
    return yc__prim_block(s, &f->p, 1, f->a.deadline);
}

YC__PRIMITIVE_SIZED(yc_sem_acquire, struct acquire_frame, acquire_run,
                    YC__XWAIT_EXTRA(sem), (yc_sem * sem, int64_t deadline),
                    (sem, deadline))

int yc__yc_sem_acquire_in(struct yc__sched *s, struct yc__frame *f,
                          unsigned state, yc_sem *sem, int64_t deadline) {
    struct yc_task *t = yc__cur(s);
    f->state = state;
    if (YC__LIKELY(!YC__SHARED(sem)) && yc__may_wait_bare(t, deadline)) {
        if (yc_sem_tryacquire(sem) == 0)
            return 0;
        yc__tq_wait(s, t, &sem->yc__waiters, f, YC__WAIT_SEM);
        return 0;
    }
    YC__IN_FRAME(yc_sem_acquire, sem, deadline);
}

/* ------------------------------------------------------------------ */
/* Event                                                               */
/* ------------------------------------------------------------------ */

void yc_event_init(yc_event *e, int set) {
    e->yc__set = set != 0;
    e->yc__xs = YC__XS_LOCAL;
    e->yc__waiters.yc__next = e->yc__waiters.yc__prev = NULL;
    e->yc__selects.yc__head = e->yc__selects.yc__tail = NULL;
}

void yc_event_set(yc_event *e) {
    if (YC__SHARED(e)) {
        yc__xevent_set(e, 1);
        return;
    }
    e->yc__set = 1;
    if (!yc__tq_first(&e->yc__waiters) && yc__wq_empty(&e->yc__selects))
        return;
    struct yc__sched_full *s = yc__full(yc__sched_get());
    yc__tq_wake_all(s, &e->yc__waiters, 0);
    if (!yc__wq_empty(&e->yc__selects))
        yc__wq_wake_all(s, &e->yc__selects, 0);
}

void yc_event_clear(yc_event *e) {
    if (YC__SHARED(e))
        yc__xevent_set(e, 0);
    else
        e->yc__set = 0;
}

int yc_event_is_set(const yc_event *e) {
    return YC__SHARED(e) ? yc__xevent_is_set(e) : e->yc__set;
}

struct yc__yc_event_wait_args {
    yc_event *e;      /* the event */
    int64_t deadline; /* when to give up */
};
struct event_frame {
    struct yc__prim p;
    struct yc__yc_event_wait_args a;
    /* A shared event's wait follows (YC__XWAIT_AFTER). */
};

static int event_run(struct event_frame *f, struct yc__sched *s) {
    if (YC__SHARED(f->a.e))
        return yc__xevent_wait(s, &f->p, YC__XWAIT_AFTER(f), f->a.e,
                               f->a.deadline);
    if (f->p.hdr.state != 0)
        return yc__prim_done(&f->p, f->p.wait.result);
    int rc = yc__checkpoint(s);
    if (rc || f->a.e->yc__set)
        return yc__prim_done(&f->p, rc);
    yc__prim_queue_task(s, &f->p, &f->a.e->yc__waiters, f->a.e);
    return yc__prim_block(s, &f->p, 1, f->a.deadline);
}

YC__PRIMITIVE_SIZED(yc_event_wait, struct event_frame, event_run,
                    YC__XWAIT_EXTRA(e), (yc_event * e, int64_t deadline),
                    (e, deadline))

int yc__yc_event_wait_in(struct yc__sched *s, struct yc__frame *f,
                         unsigned state, yc_event *e, int64_t deadline) {
    struct yc_task *t = yc__cur(s);
    f->state = state;
    if (YC__LIKELY(!YC__SHARED(e)) && yc__may_wait_bare(t, deadline)) {
        if (e->yc__set)
            return 0;
        yc__tq_wait(s, t, &e->yc__waiters, f, YC__WAIT_EVENT);
        return 0;
    }
    YC__IN_FRAME(yc_event_wait, e, deadline);
}

/* ------------------------------------------------------------------ */
/* Condition variable                                                  */
/* ------------------------------------------------------------------ */

void yc_cond_init(yc_cond *c) {
    c->yc__waiters.yc__next = c->yc__waiters.yc__prev = NULL;
    c->yc__xs = YC__XS_LOCAL;
}

void yc_cond_signal(yc_cond *c) {
    if (YC__SHARED(c)) {
        yc__xcond_signal(c, 0);
        return;
    }
    struct yc_task *t = yc__tq_first(&c->yc__waiters);
    if (t)
        yc__tq_wake(yc__full(yc__sched_get()), t, 0);
}

void yc_cond_broadcast(yc_cond *c) {
    if (YC__SHARED(c)) {
        yc__xcond_signal(c, 1);
        return;
    }
    yc__tq_wake_all(yc__full(yc__sched_get()), &c->yc__waiters, 0);
}

struct yc__yc_cond_wait_args {
    yc_cond *c;       /* the condition */
    yc_mutex *m;      /* the mutex the caller holds */
    int64_t deadline; /* when to give up */
};
struct cond_frame {
    struct yc__prim p;
    struct yc__yc_cond_wait_args a;
    void *me; /* the caller, as a mutex holder */
    int err;  /* the outcome of the wait on c */
    /* A shared condition's wait follows (YC__XWAIT_AFTER). */
};

/* State 1 waits on the condition; state 2 waits for the mutex, shielded
   from cancellation and deadlines: the caller gets the mutex back
   whatever ended the wait. */
static int cond_run(struct cond_frame *f, struct yc__sched *s) {
    yc_mutex *m = f->a.m;
    if (YC__SHARED(f->a.c)) {
        if (f->p.hdr.state == 0)
            f->me = holder_of(s, &f->p.hdr);
        return yc__xcond_wait(s, &f->p, YC__XWAIT_AFTER(f), f->a.c, m, f->me,
                              &f->err, f->a.deadline);
    }
    if (YC__SHARED(m))
        return yc__prim_done(&f->p, YC_EINVAL); /* a local c, shared m */
    switch (f->p.hdr.state) {
    case 0: {
        f->me = holder_of(s, &f->p.hdr);
        if (m->yc__owner != f->me)
            return yc__prim_done(&f->p, YC_EPERM);
        int rc = yc__checkpoint(s);
        if (rc)
            return yc__prim_done(&f->p, rc);
        yc__prim_queue_task(s, &f->p, &f->a.c->yc__waiters, f->a.c);
        rc = yc__prim_block(s, &f->p, 1, f->a.deadline);
        /* Released only once the wait is sure: a deadline that has
           passed fails the call with the mutex never let go. */
        if (rc == YC__SUSPENDED)
            release(yc__full(s), m);
        return rc;
    }
    case 1:
        f->err = f->p.wait.result;
        if (!m->yc__owner) {
            m->yc__owner = f->me;
            return yc__prim_done(&f->p, f->err);
        }
        yc__prim_queue_task(s, &f->p, &m->yc__waiters, m);
        return yc__prim_block_shielded(s, &f->p, 2);
    default:
        return yc__prim_done(&f->p, f->err);
    }
}

YC__PRIMITIVE_SIZED(yc_cond_wait, struct cond_frame, cond_run,
                    YC__XWAIT_EXTRA(c),
                    (yc_cond * c, yc_mutex *m, int64_t deadline),
                    (c, m, deadline))
