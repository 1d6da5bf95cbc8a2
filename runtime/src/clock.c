/* clock.c - time: the monotonic clock, read once per scheduler round, and
   the sleep primitives. */
#include "prim.h"

#include <time.h>

int64_t yc__clock_read(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * YC_SEC + ts.tv_nsec;
}

void yc__clock_update(struct yc__sched_full *s) {
    s->now = yc__clock_read();
    s->abi.now_valid = 1;
}

int64_t yc_now(void) { return yc__now(yc__full(yc__sched_get())); }

/* ------------------------------------------------------------------ */
/* Sleeping                                                            */
/* ------------------------------------------------------------------ */

/* The body both sleeps share: wait with no link until the deadline, which
   here is success rather than a timeout. A sleep nearly always has a
   deadline, so its frame holds the timer (tm) rather than taking one from
   the pool. */
static int sleep_step(struct yc__prim *p, struct yc__sched *s, int64_t deadline,
                      struct yc__wtimer *tm) {
    if (p->hdr.state == 0) {
        int rc = yc__checkpoint(s);
        if (rc)
            return yc__prim_done(p, rc);
        if (deadline >= 0 && deadline <= yc__now(yc__full(s)))
            return yc__prim_done(p, 0);
        p->wait.timer = tm;
        return yc__prim_block(s, p, 1, deadline);
    }
    int rc = p->wait.result;
    if (rc == YC_ETIMEDOUT && !p->wait.by_scope)
        rc = 0;
    return yc__prim_done(p, rc);
}

struct yc__yc_sleep_until_args {
    int64_t deadline; /* when to wake, or -1 */
};
struct sleep_until_frame {
    struct yc__prim p;
    struct yc__yc_sleep_until_args a;
    struct yc__wtimer timer; /* the deadline's */
};

static int sleep_until_run(struct sleep_until_frame *f, struct yc__sched *s) {
    return sleep_step(&f->p, s, f->a.deadline, &f->timer);
}

YC__PRIMITIVE(yc_sleep_until, struct sleep_until_frame, sleep_until_run,
              (int64_t deadline), (deadline))

struct yc__yc_sleep_for_args {
    int64_t ns; /* how long to sleep, or < 0 */
};
struct sleep_for_frame {
    struct yc__prim p;
    struct yc__yc_sleep_for_args a;
    struct yc__wtimer timer; /* the deadline's */
};

static int sleep_for_run(struct sleep_for_frame *f, struct yc__sched *s) {
    int64_t d = f->a.ns < 0 ? -1 : yc__now(yc__full(s)) + f->a.ns;
    return sleep_step(&f->p, s, d, &f->timer);
}

YC__PRIMITIVE(yc_sleep_for, struct sleep_for_frame, sleep_for_run, (int64_t ns),
              (ns))

/* ------------------------------------------------------------------ */
/* Sleeping with no frame of the call (abi.h's yc__wait_done)          */
/* ------------------------------------------------------------------ */

/* The deadline of a frameless sleep, from the pool; the task's link's
   yc__prev points at it (NULL: a sleep until cancelled). */
struct bare_sleep {
    struct yc__timer t;
    struct yc_task *task;
};

static void bare_sleep_fire(struct yc__sched *abi, struct yc__timer *tm) {
    struct yc__sched_full *s = yc__full(abi);
    struct bare_sleep *b = (struct bare_sleep *)(void *)tm;
    struct yc_task *t = b->task;
    yc__pool_free(s, b, sizeof *b);
    t->abi.link.yc__prev = NULL;
    yc__wait_end(s, t, 0);
}

void yc__sleep_cancel(struct yc__sched_full *s, struct yc_task *t) {
    struct bare_sleep *b = (struct bare_sleep *)(void *)t->abi.link.yc__prev;
    if (b) {
        yc__timer_del(s, &b->t);
        yc__pool_free(s, b, sizeof *b);
        t->abi.link.yc__prev = NULL;
    }
    yc__wait_end(s, t, YC_ECANCELED);
}

void yc__sleep_drop(struct yc__sched_full *s, struct yc_task *t) {
    struct bare_sleep *b = (struct bare_sleep *)(void *)t->abi.link.yc__prev;
    if (b)
        yc__pool_free(s, b, sizeof *b);
    t->abi.link.yc__prev = NULL;
}

int64_t yc__sleep_deadline(const struct yc_task *t) {
    const struct bare_sleep *b =
        (const struct bare_sleep *)(const void *)t->abi.link.yc__prev;
    return b ? b->t.yc__deadline : -1;
}

/* Sleeps the running task t until d (-1: until cancelled) with no frame
   of the call: returns 0 at once if d has passed, YC_ENOMEM if the timer
   cannot be armed, else 0 with the task parked. */
static int sleep_bare(struct yc__sched *abi, struct yc_task *t,
                      struct yc__frame *f, int64_t d, unsigned kind) {
    struct yc__sched_full *s = yc__full(abi);
    struct bare_sleep *b = NULL;
    if (d >= 0) {
        if (d <= yc__now(s))
            return 0;
        b = yc__pool_alloc(s, sizeof *b);
        b->task = t;
        b->t.yc__idx = 0;
        if (yc__timer_add(s, &b->t, d, bare_sleep_fire)) {
            yc__pool_free(s, b, sizeof *b);
            return YC_ENOMEM;
        }
    }
    t->abi.link.yc__prev = (struct yc__qnode *)(void *)b;
    yc__wait_park(abi, t, f, kind);
    return 0;
}

int yc__yc_sleep_until_in(struct yc__sched *s, struct yc__frame *f,
                          unsigned state, int64_t deadline) {
    struct yc_task *t = yc__cur(s);
    f->state = state;
    if (yc__may_wait_bare(t, -1))
        return sleep_bare(s, t, f, deadline < 0 ? -1 : deadline,
                          YC__WAIT_SLEEP_UNTIL);
    YC__IN_FRAME(yc_sleep_until, deadline);
}

int yc__yc_sleep_for_in(struct yc__sched *s, struct yc__frame *f,
                        unsigned state, int64_t ns) {
    struct yc_task *t = yc__cur(s);
    f->state = state;
    if (yc__may_wait_bare(t, -1))
        return sleep_bare(s, t, f, ns < 0 ? -1 : yc__now(yc__full(s)) + ns,
                          YC__WAIT_SLEEP_FOR);
    YC__IN_FRAME(yc_sleep_for, ns);
}
