/* wake.h - how a scheduler is woken: an eventfd that its poller
   watches, and a queue through which other OS threads hand work to the
   scheduler's thread. */
#ifndef YC_WAKE_H
#define YC_WAKE_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

struct yc__sched_full;

/* A piece of work handed to a scheduler from any thread (a future
   resolved elsewhere, a yc_sched_post). It runs on the scheduler's thread
   at its next round; run() takes over the item's memory. */
struct yc__remote {
    struct yc__remote *next; /* queue link */
    void (*run)(struct yc__sched_full *s, struct yc__remote *r);
};

/* The wake-up side of a scheduler.

   The eventfd is written only when `abi.remote` goes from 0 to 1 and the
   scheduler is not running its own loop (`awake`, sched.h), and the
   scheduler clears `remote` when it takes the queue, so a burst of posts
   costs at most one write and one read. Before it blocks, the scheduler
   clears `awake`, then checks `remote`; a post that comes after the check
   writes the eventfd, which ends the poller's wait, so no wake-up is
   lost. */
struct yc__wake {
    int efd;                          /* the eventfd, watched by the poller */
    struct yc__remote *_Atomic posts; /* queued work, newest first: a stack
                                         that any thread pushes on with a
                                         compare-and-swap and the owner
                                         takes whole (no lock) */
    struct yc__remote *_Atomic early; /* the same for items that may run
                                         in the middle of a task's step
                                         (they only free and queue): the
                                         ends of tasks started elsewhere */
    atomic_int refs;                  /* yc_sched_ref count: work is
                                         expected */
};

/* Creates the eventfd. Returns 0 or a negative YC_E* code. */
int yc__wake_init(struct yc__wake *w);
/* Closes the eventfd and runs nothing: queued items are dropped through
   their run() with a NULL scheduler. */
void yc__wake_destroy(struct yc__wake *w);
/* Runs nothing of what is queued: each item's run() is called with a
   NULL scheduler. Owner thread, at teardown. */
void yc__wake_drop(struct yc__wake *w);
/* Queues r for scheduler s's thread and wakes it. Any thread. */
void yc__wake_post(struct yc__sched_full *s, struct yc__remote *r);
/* The same for an item that yc__wake_drain_early may run, in the middle
   of a task's step on s's thread. Any thread. */
void yc__wake_post_early(struct yc__sched_full *s, struct yc__remote *r);
/* Runs the early items queued, oldest first. Owner thread. */
void yc__wake_drain_early(struct yc__sched_full *s);
/* Wakes scheduler s without queueing anything. Any thread. */
void yc__wake_signal(struct yc__sched_full *s);
/* Runs the queued items, oldest first. Owner thread. */
void yc__wake_drain(struct yc__sched_full *s);
/* Clears the eventfd after the poller saw it readable. Owner thread. */
void yc__wake_clear(struct yc__wake *w);

/* Whether something outside the scheduler holds a yc_sched_ref. */
static inline int yc__wake_expected(struct yc__wake *w) {
    return atomic_load_explicit(&w->refs, memory_order_acquire) > 0;
}

#endif
