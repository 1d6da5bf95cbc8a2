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
