/* wake.c - a scheduler's wake-up: the eventfd its poller watches, and
   the queue through which any thread hands work to the scheduler's
   thread (yc_sched_post, futures resolved elsewhere). */
#include "sched.h"

#include <errno.h>
#include <sys/eventfd.h>
#include <unistd.h>

int yc__wake_init(struct yc__wake *w) {
    w->head = w->tail = NULL;
    atomic_init(&w->refs, 0);
    w->efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (w->efd < 0)
        return -errno;
    pthread_mutex_init(&w->lock, NULL);
    return 0;
}

void yc__wake_destroy(struct yc__wake *w) {
    struct yc__remote *r = w->head;
    w->head = w->tail = NULL;
    while (r) {
        struct yc__remote *next = r->next;
        r->run(NULL, r);
        r = next;
    }
    pthread_mutex_destroy(&w->lock);
    close(w->efd);
}

void yc__wake_signal(struct yc__sched_full *s) {
    uint64_t one = 1;
    /* EAGAIN means the counter is full, so the fd is readable anyway. */
    while (write(s->wake.efd, &one, sizeof one) < 0 && errno == EINTR)
        ;
}

void yc__wake_post(struct yc__sched_full *s, struct yc__remote *r) {
    struct yc__wake *w = &s->wake;
    r->next = NULL;
    pthread_mutex_lock(&w->lock);
    if (w->tail)
        w->tail->next = r;
    else
        w->head = r;
    w->tail = r;
    int was_pending = __atomic_exchange_n(&s->abi.remote, 1, __ATOMIC_ACQ_REL);
    pthread_mutex_unlock(&w->lock);
    if (!was_pending)
        yc__wake_signal(s);
}

void yc__wake_drain(struct yc__sched_full *s) {
    struct yc__wake *w = &s->wake;
    pthread_mutex_lock(&w->lock);
    struct yc__remote *r = w->head;
    w->head = w->tail = NULL;
    __atomic_store_n(&s->abi.remote, 0, __ATOMIC_RELEASE);
    pthread_mutex_unlock(&w->lock);
    while (r) {
        struct yc__remote *next = r->next;
        r->run(s, r);
        r = next;
    }
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
