/* timer.h - the scheduler's pending deadlines: a 4-ary min-heap of
   struct yc__timer with each timer's heap index kept in the timer, so that
   insertion and cancellation are O(log n). */
#ifndef YC_TIMER_H
#define YC_TIMER_H

#include "yieldc.h"

struct yc__sched_full;

/* One heap slot. The sort key (deadline, then arming order) lives in the
   slot, so that sifting compares slots without touching the timers, which
   live in frames all over memory: ties are common (every timer armed in
   one round for "now + 1 s" has the same deadline), and following a
   pointer per comparison would cost a cache miss each. */
struct yc__heap_slot {
    int64_t deadline;    /* t->yc__deadline */
    uint64_t seq;        /* arming order: ties fire first-armed first */
    struct yc__timer *t; /* the timer */
};

/* The heap: slot 0 is the earliest deadline; the children of slot i are
   slots 4i+1 .. 4i+4. */
struct yc__heap {
    struct yc__heap_slot *v; /* the slots, NULL until the first timer */
    unsigned n;              /* slots in use */
    unsigned cap;            /* slots allocated */
    uint64_t seq;            /* arming counter: the next slot's seq */
};

/* Arms t to call fire(s, t) at `deadline`; t must not be armed. Returns 0
   or YC_ENOMEM (the heap could not grow; t is not armed). */
int yc__timer_add(struct yc__sched_full *s, struct yc__timer *t,
                  int64_t deadline,
                  void (*fire)(struct yc__sched *, struct yc__timer *));

/* Disarms t if it is armed. */
void yc__timer_del(struct yc__sched_full *s, struct yc__timer *t);

/* Whether t is armed. */
static inline int yc__timer_armed(const struct yc__timer *t) {
    return t->yc__idx != 0;
}

/* The earliest pending deadline, or -1 if no timer is armed. */
static inline int64_t yc__timer_next(const struct yc__heap *h) {
    return h->n ? h->v[0].deadline : -1;
}

/* Fires, in deadline order, every timer armed before this call whose
   deadline is at most s->now. A timer armed by a callback waits for the
   next call, so a callback that re-arms itself cannot loop forever. */
void yc__timer_run(struct yc__sched_full *s);

/* Frees the heap's memory (the timers themselves belong to others). */
void yc__timer_destroy(struct yc__sched_full *s);

#endif
