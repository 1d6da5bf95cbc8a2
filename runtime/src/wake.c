/* wake.c - a scheduler's wake-up: the eventfd its poller watches, and
   the queue through which any thread hands work to the scheduler's
   thread (yc_sched_post, futures resolved elsewhere). */
#include "sched.h"

#include <errno.h>
#include <sys/eventfd.h>
#include <unistd.h>

int yc__wake_init(struct yc__wake *w) {
    atomic_init(&w->posts, NULL);
    atomic_init(&w->early, NULL);
    atomic_init(&w->refs, 0);
    w->efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (w->efd < 0)
        return -errno;
    return 0;
}

/* Takes every item of stack `st`, oldest first. */
static struct yc__remote *take_all(struct yc__remote *_Atomic *st) {
    struct yc__remote *r = atomic_exchange(st, NULL), *fifo = NULL;
    while (r) {
        struct yc__remote *next = r->next;
        r->next = fifo;
        fifo = r;
        r = next;
    }
    return fifo;
}

/* Runs the items of list r with scheduler s (NULL: dropped). */
static void run_all(struct yc__sched_full *s, struct yc__remote *r) {
    while (r) {
        struct yc__remote *next = r->next;
        r->run(s, r);
        r = next;
    }
}

void yc__wake_drop(struct yc__wake *w) {
    run_all(NULL, take_all(&w->early));
    run_all(NULL, take_all(&w->posts));
}

void yc__wake_destroy(struct yc__wake *w) {
    yc__wake_drop(w);
    close(w->efd);
}

void yc__wake_signal(struct yc__sched_full *s) {
    uint64_t one = 1;
    /* EAGAIN means the counter is full, so the fd is readable anyway. */
    while (write(s->wake.efd, &one, sizeof one) < 0 && errno == EINTR)
        ;
}

/* Pushes r on stack st of s, then announces it (see yc__wake_post). */
static void push(struct yc__sched_full *s, struct yc__remote *_Atomic *st,
                 struct yc__remote *r) {
    r->next = atomic_load_explicit(st, memory_order_relaxed);
    while (!atomic_compare_exchange_weak_explicit(
        st, &r->next, r, memory_order_release, memory_order_relaxed))
        ;
    /* Set after the push: the owner clears it before it takes the stack,
       so no item is left behind unannounced. */
    int was_pending = __atomic_exchange_n(&s->abi.remote, 1, __ATOMIC_SEQ_CST);
    /* A scheduler running its own loop looks at `remote` before it
       blocks, after clearing `awake` (sched.c): either it sees this post,
       or this sees it asleep. */
    if (!was_pending && !atomic_load(&s->awake))
        yc__wake_signal(s);
}

void yc__wake_post(struct yc__sched_full *s, struct yc__remote *r) {
    push(s, &s->wake.posts, r);
}

void yc__wake_post_early(struct yc__sched_full *s, struct yc__remote *r) {
    push(s, &s->wake.early, r);
}

void yc__wake_drain(struct yc__sched_full *s) {
    __atomic_store_n(&s->abi.remote, 0, __ATOMIC_SEQ_CST);
    run_all(s, take_all(&s->wake.early));
    run_all(s, take_all(&s->wake.posts));
}

void yc__wake_drain_early(struct yc__sched_full *s) {
    run_all(s, take_all(&s->wake.early));
}

void yc__wake_clear(struct yc__wake *w) {
    uint64_t count;
    while (read(w->efd, &count, sizeof count) < 0 && errno == EINTR)
        ;
}

/* ------------------------------------------------------------------ */
/* Public: posting work to a scheduler                                 */
/* ------------------------------------------------------------------ */

struct post {
    struct yc__remote r; /* queue link */
    void (*fn)(void *);  /* what to run */
    void *arg;           /* its argument */
};

static void run_post(struct yc__sched_full *s, struct yc__remote *r) {
    struct post *p = (struct post *)(void *)r;
    if (s)
        p->fn(p->arg);
    free(p);
}

int yc_sched_post(yc_sched *abi, void (*fn)(void *arg), void *arg) {
    struct post *p = malloc(sizeof *p);
    if (!p)
        return YC_ENOMEM;
    p->r.run = run_post;
    p->fn = fn;
    p->arg = arg;
    yc__wake_post(yc__full(abi), &p->r);
    return 0;
}

void yc_sched_wake(yc_sched *abi) { yc__wake_signal(yc__full(abi)); }

void yc_sched_ref(yc_sched *abi) {
    atomic_fetch_add_explicit(&yc__full(abi)->wake.refs, 1,
                              memory_order_relaxed);
}

/* The wake-up lets a scheduler that waits only because of this reference
   see that it is gone, and report the deadlock if there is one. */
void yc_sched_unref(yc_sched *abi) {
    atomic_fetch_sub_explicit(&yc__full(abi)->wake.refs, 1,
                              memory_order_release);
    yc__wake_signal(yc__full(abi));
}
