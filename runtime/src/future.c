/* future.c - futures: results supplied later by callbacks, foreign loops
   or other OS threads, awaited by coroutines. */
#include "future.h"
#include "prim.h"

static void run_remote(struct yc__sched_full *s, struct yc__remote *r);

int yc_future_create(yc_future **out) {
    yc_future *f = calloc(1, sizeof *f);
    *out = f;
    if (!f)
        return YC_ENOMEM;
    f->owner = yc__full(yc__sched_get());
    f->remote.run = run_remote;
    atomic_init(&f->refs, 1);
    atomic_init(&f->state, YC__FUTURE_PENDING);
    return 0;
}

void yc_future_ref(yc_future *f) {
    atomic_fetch_add_explicit(&f->refs, 1, memory_order_relaxed);
}

void yc_future_unref(yc_future *f) {
    if (atomic_fetch_sub_explicit(&f->refs, 1, memory_order_acq_rel) == 1)
        free(f);
}

int yc_future_is_resolved(const yc_future *f) { return yc__future_resolved(f); }

/* On the owner's thread, once: wakes the waiters, then runs the callback
   (last, since it may drop the final reference). */
static void complete(struct yc__sched_full *s, yc_future *f) {
    if (f->completed)
        return;
    f->completed = 1;
    yc__wq_wake_all(s, &f->waiters, 0);
    yc_future_cb *cb = f->cb;
    f->cb = NULL;
    if (cb)
        cb(f, f->cb_arg);
}

/* A future resolved on another thread reaches its owner (s is NULL when
   the owner is being torn down). */
static void run_remote(struct yc__sched_full *s, struct yc__remote *r) {
    yc_future *f = (yc_future *)(void *)r;
    if (s)
        complete(s, f);
    yc_future_unref(f);
}

int yc_future_resolve(yc_future *f, int result, void *value) {
    int expected = YC__FUTURE_PENDING;
    if (!atomic_compare_exchange_strong_explicit(
            &f->state, &expected, YC__FUTURE_RESOLVING, memory_order_acquire,
            memory_order_relaxed))
        return YC_EALREADY;
    f->result = result;
    f->value = value;
    atomic_store_explicit(&f->state, YC__FUTURE_RESOLVED, memory_order_release);
    if (yc__sched_peek() == f->owner) {
        complete(f->owner, f);
    } else {
        yc_future_ref(f);
        yc__wake_post(f->owner, &f->remote);
    }
    return 0;
}

int yc_future_on_done(yc_future *f, yc_future_cb *cb, void *arg) {
    if (yc__sched_peek() != f->owner)
        return YC_EINVAL;
    if (f->cb)
        return YC_EBUSY;
    if (f->completed) {
        cb(f, arg);
        return 0;
    }
    f->cb = cb;
    f->cb_arg = arg;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Awaiting                                                            */
/* ------------------------------------------------------------------ */

struct yc__yc_future_await_args {
    yc_future *f;     /* the future */
    void **value;     /* where its value goes, or NULL */
    int64_t deadline; /* when to give up */
};
struct await_frame {
    struct yc__prim p;
    struct yc__yc_future_await_args a;
    struct yc__wlink link; /* in f->waiters */
};

static int deliver(struct await_frame *f) {
    if (f->a.value)
        *f->a.value = f->a.f->value;
    return yc__prim_done(&f->p, f->a.f->result);
}

/* While it waits, the task counts as waiting for the outside world
   (s->nexternal), so that the scheduler blocks for the resolve instead of
   reporting a deadlock. */
static int await_run(struct await_frame *f, struct yc__sched *abi) {
    struct yc__sched_full *s = yc__full(abi);
    if (f->p.hdr.state != 0) {
        s->nexternal--;
        if (f->p.wait.result)
            return yc__prim_done(&f->p, f->p.wait.result);
        return deliver(f);
    }
    if (f->a.f->owner != s)
        return yc__prim_done(&f->p, YC_EINVAL);
    int rc = yc__checkpoint(abi);
    if (rc)
        return yc__prim_done(&f->p, rc);
    if (yc__future_resolved(f->a.f))
        return deliver(f);
    yc__prim_queue(&f->p, &f->a.f->waiters, &f->link, NULL, f->a.f);
    rc = yc__prim_block(abi, &f->p, 1, f->a.deadline);
    if (rc == YC__SUSPENDED)
        s->nexternal++;
    return rc;
}

YC__PRIMITIVE(yc_future_await, struct await_frame, await_run,
              (yc_future * f, void **value, int64_t deadline),
              (f, value, deadline))
