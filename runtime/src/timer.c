/* timer.c - the scheduler's timer heap (4-ary, index in node) and the
   public callback timers built on it.

   A 4-ary heap is shallower than a binary one (log4 n levels: 10 for a
   million timers), and the four children of a slot are adjacent, so a
   sift-down reads one or two cache lines per level. Each timer knows its
   slot, which makes cancellation a sift from that slot: O(log n), no
   search. bench/runtime_bench.c compares it with a binary heap. */
#include "sched.h"

#define ARITY 4
#define MIN_CAP 64

/* Whether slot a fires before slot b: earlier deadline, then FIFO. */
static inline int before(const struct yc__heap_slot *a,
                         const struct yc__heap_slot *b) {
    if (a->deadline != b->deadline)
        return a->deadline < b->deadline;
    return a->seq < b->seq;
}

static inline void put(struct yc__heap *h, unsigned i,
                       struct yc__heap_slot slot) {
    h->v[i] = slot;
    slot.t->yc__idx = i + 1;
}

/* Moves `slot` from hole i toward the root while it fires before its
   parent. */
static void sift_up(struct yc__heap *h, unsigned i, struct yc__heap_slot slot) {
    while (i > 0) {
        unsigned parent = (i - 1) / ARITY;
        if (!before(&slot, &h->v[parent]))
            break;
        put(h, i, h->v[parent]);
        i = parent;
    }
    put(h, i, slot);
}

/* Moves `slot` from hole i toward the leaves while a child fires before
   it. */
static void sift_down(struct yc__heap *h, unsigned i,
                      struct yc__heap_slot slot) {
    for (;;) {
        unsigned first = i * ARITY + 1;
        if (first >= h->n)
            break;
        unsigned last = first + ARITY < h->n ? first + ARITY : h->n;
        unsigned best = first;
        for (unsigned c = first + 1; c < last; c++)
            if (before(&h->v[c], &h->v[best]))
                best = c;
        if (!before(&h->v[best], &slot))
            break;
        put(h, i, h->v[best]);
        i = best;
    }
    put(h, i, slot);
}

int yc__timer_add(struct yc__sched_full *s, struct yc__timer *t,
                  int64_t deadline,
                  void (*fire)(struct yc__sched *, struct yc__timer *)) {
    struct yc__heap *h = &s->timers;
    yc_assert(t->yc__idx == 0);
    if (YC__UNLIKELY(h->n == h->cap)) {
        unsigned cap = h->cap ? h->cap * 2 : MIN_CAP;
        struct yc__heap_slot *v = realloc(h->v, (size_t)cap * sizeof *v);
        if (!v)
            return YC_ENOMEM;
        h->v = v;
        h->cap = cap;
    }
    t->yc__deadline = deadline;
    t->yc__fire = fire;
    struct yc__heap_slot slot = {deadline, h->seq++, t};
    sift_up(h, h->n++, slot);
    s->abi.busy++;
    return 0;
}

void yc__timer_del(struct yc__sched_full *s, struct yc__timer *t) {
    struct yc__heap *h = &s->timers;
    if (!t->yc__idx)
        return;
    unsigned i = t->yc__idx - 1;
    t->yc__idx = 0;
    s->abi.busy--;
    struct yc__heap_slot last = h->v[--h->n];
    if (i == h->n)
        return;
    /* The last slot fills the hole and moves whichever way it must. */
    if (i > 0 && before(&last, &h->v[(i - 1) / ARITY]))
        sift_up(h, i, last);
    else
        sift_down(h, i, last);
}

void yc__timer_run(struct yc__sched_full *s) {
    struct yc__heap *h = &s->timers;
    uint64_t armed_before = h->seq;
    int64_t now = yc__now(s);
    while (h->n && h->v[0].deadline <= now && h->v[0].seq < armed_before) {
        struct yc__timer *t = h->v[0].t;
        yc__timer_del(s, t);
        t->yc__fire(&s->abi, t);
    }
}

void yc__timer_destroy(struct yc__sched_full *s) {
    free(s->timers.v);
    s->timers.v = NULL;
    s->abi.busy -= s->timers.n;
    s->timers.n = s->timers.cap = 0;
}

/* ------------------------------------------------------------------ */
/* Public callback timers                                              */
/* ------------------------------------------------------------------ */

static void timer_fire(struct yc__sched *abi, struct yc__timer *t) {
    (void)abi;
    yc_timer *timer = (yc_timer *)(void *)t;
    timer->yc__cb(timer, timer->yc__arg);
}

_Static_assert(offsetof(yc_timer, yc__t) == 0,
               "a yc_timer starts with its heap entry");

int yc_timer_start(yc_timer *timer, int64_t deadline, yc_timer_cb *cb,
                   void *arg) {
    struct yc__sched_full *s = yc__full(yc__sched_get());
    if (deadline < 0)
        return YC_EINVAL;
    yc__timer_del(s, &timer->yc__t);
    timer->yc__cb = cb;
    timer->yc__arg = arg;
    return yc__timer_add(s, &timer->yc__t, deadline, timer_fire);
}

int yc_timer_stop(yc_timer *timer) {
    if (!yc__timer_armed(&timer->yc__t))
        return YC_EALREADY;
    yc__timer_del(yc__full(yc__sched_get()), &timer->yc__t);
    return 0;
}
