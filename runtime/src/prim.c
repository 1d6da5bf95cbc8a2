/* prim.c - the frames of the runtime's blocking calls (prim.h): their
   allocation, the call from plain C, and blocking with a deadline. */
#include "prim.h"

void yc__wait_cancel(struct yc__sched_full *s, struct yc_task *t) {
    if (t->abi.flags & YC__TASK_WAITING) {
        unsigned k = yc__wait_kind(t);
        if (k == YC__WAIT_SLEEP_UNTIL || k == YC__WAIT_SLEEP_FOR)
            yc__sleep_cancel(s, t);
        else if (k == YC__WAIT_SEND || k == YC__WAIT_RECV)
            yc__wlink_wake_bare(
                s, (struct yc__wlink *)(void *)t->abi.link.yc__prev,
                YC_ECANCELED);
        else
            yc__tq_wake(s, t, YC_ECANCELED);
        return;
    }
    struct yc__wait *w = yc__task_wait(t);
    if (w && !w->shielded)
        yc__wait_wake(s, w, -1, YC_ECANCELED);
}

void yc__wait_drop(struct yc__sched_full *s, struct yc_task *t) {
    if (!(t->abi.flags & YC__TASK_WAITING))
        return;
    unsigned k = yc__wait_kind(t);
    if (k == YC__WAIT_SLEEP_UNTIL || k == YC__WAIT_SLEEP_FOR) {
        yc__sleep_drop(s, t);
    } else if (k == YC__WAIT_SEND || k == YC__WAIT_RECV) {
        yc__pool_free(s, t->abi.link.yc__prev, sizeof(struct yc__wlink));
        t->abi.link.yc__prev = NULL;
    }
}

/* The deadline of a blocked call has come. */
static void wait_timeout(struct yc__sched *abi, struct yc__timer *t) {
    struct yc__wait *w = ((struct yc__wtimer *)(void *)t)->w;
    if (w->by_scope)
        yc__scope_fire(w->task, t->yc__deadline);
    yc__wait_wake(yc__full(abi), w, -1, YC_ETIMEDOUT);
}

int yc__wait_done(struct yc__sched *s, struct yc__frame *f) {
    struct yc_task *t = yc__cur(s);
    struct yc__frame *top = t->abi.top;
    if (top == f) /* it waited with no frame of the call */
        return t->abi.flags & YC__TASK_WAIT_CANCELLED ? YC_ECANCELED
               : t->abi.flags & YC__TASK_WAIT_CLOSED  ? YC_EPIPE
                                                      : 0;
    int rc = ((struct yc__prim *)(void *)top)->ret;
    yc__frame_free(s, top);
    return rc;
}

int yc__in_frame(struct yc__sched *s, struct yc__frame *p) {
    if (p->resume(p, s) != YC__DONE)
        return 0; /* the task waits in p */
    int rc = ((struct yc__prim *)(void *)p)->ret;
    yc__frame_free(s, p);
    return rc;
}

int yc__prim_call(struct yc__sched *s, struct yc__frame *f) {
    yc__run_sync(s, f);
    int rc = ((struct yc__prim *)(void *)f)->ret;
    yc__frame_free(s, f);
    return rc;
}

ssize_t yc__prim_call_ssize(struct yc__sched *s, struct yc__frame *f) {
    yc__run_sync(s, f);
    ssize_t r = ((struct yc__prim *)(void *)f)->sret;
    yc__frame_free(s, f);
    return r;
}

/* Parks the running task in p at `state`. */
static void park(struct yc__sched *abi, struct yc__prim *p, unsigned state) {
    struct yc_task *t = yc__cur(abi);
    p->wait.task = t;
    p->wait.pending = 1;
    p->wait.result = 0;
    p->wait.index = -1;
    p->hdr.state = state;
    t->abi.top = &p->hdr;
    t->abi.flags |= YC__TASK_BLOCKED;
    abi->susp =
        YC__SUSP_PARKED; /* every step function on the C stack returns */
}

/* Arms w's timer for deadline d: the frame's own if it has one (w->timer
   set before blocking), else one from the pool. */
static int arm(struct yc__sched_full *s, struct yc__wait *w, int64_t d) {
    struct yc__wtimer *t = w->timer;
    if (!t) {
        t = yc__pool_alloc(s, sizeof *t);
        w->pooled = 1;
    }
    t->t.yc__idx = 0;
    t->w = w;
    w->timer = t;
    int rc = yc__timer_add(s, &t->t, d, wait_timeout);
    if (rc && w->pooled) {
        yc__pool_free(s, t, sizeof *t);
        w->pooled = 0;
    }
    return rc;
}

int yc__prim_block(struct yc__sched *abi, struct yc__prim *p, unsigned state,
                   int64_t deadline) {
    struct yc__sched_full *s = yc__full(abi);
    struct yc__wait *w = &p->wait;
    int64_t scope = yc__scope_deadline(yc__cur(abi));
    /* A scope wins a tie, so that its pop reports the timeout. */
    w->by_scope = scope >= 0 && (deadline < 0 || scope <= deadline);
    int64_t d = w->by_scope ? scope : deadline;
    w->shielded = 0;
    if (d >= 0) {
        int rc = YC_ETIMEDOUT;
        if (d <= yc__now(s)) {
            if (w->by_scope)
                yc__scope_fire(yc__cur(abi), d);
        } else {
            rc = arm(s, w, d);
        }
        if (rc) {
            yc__wait_unqueue(w);
            w->timer = NULL;
            return yc__prim_done(p, rc);
        }
    }
    w->timer = d >= 0 ? w->timer : NULL;
    park(abi, p, state);
    return YC__SUSPENDED;
}

int yc__prim_block_shielded(struct yc__sched *abi, struct yc__prim *p,
                            unsigned state) {
    p->wait.shielded = 1;
    p->wait.by_scope = 0;
    p->wait.timer = NULL;
    park(abi, p, state);
    return YC__SUSPENDED;
}
