/* sched.c - the stackless scheduler: one per OS thread, a FIFO run queue
   of tasks, each running a chain of coroutine frames; rounds, idling and
   the calls that let a foreign event loop drive it. */
#include "shared.h"
#include "threads.h"

#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

static _Thread_local struct yc__sched_full *current;
static _Thread_local struct yc__sched_full *tearing; /* in destroy() */

static pthread_once_t key_once = PTHREAD_ONCE_INIT;
static pthread_key_t key; /* destroys a thread's scheduler at its exit */

static void destroy(struct yc__sched_full *s);
static void destroy_at_exit(void);
static void destroy_at_thread_exit(void *s);

static void make_key(void) {
    if (pthread_key_create(&key, destroy_at_thread_exit) != 0) {
        fputs("yieldc: cannot create a thread-specific key\n", stderr);
        abort();
    }
    /* The main thread's scheduler is torn down at exit, where thread
       destructors do not run, so that leak checkers see only the
       program's own leaks. */
    atexit(destroy_at_exit);
}

struct yc__sched *yc__sched_get(void) {
    if (YC__LIKELY(current != NULL))
        return &current->abi;
    pthread_once(&key_once, make_key);
    struct yc__sched_full *s = calloc(1, sizeof *s);
    if (!s)
        yc__oom("creating a scheduler");
    int rc = yc__wake_init(&s->wake);
    if (!rc && (rc = yc__poller_init(&s->poll, s->wake.efd)) != 0)
        yc__wake_destroy(&s->wake);
    if (rc) {
        fprintf(stderr, "yieldc: cannot create a scheduler's poller: %s\n",
                strerror(-rc));
        abort();
    }
    s->next_id = 1;
    s->index = -1;
    s->spread.lock = YC__XS_FREE;
    yc__task_slabs_init(s);
    /* An odd multiplier: the first 65,536 schedulers get distinct salts. */
    static _Atomic unsigned schedulers;
    s->salt = (atomic_fetch_add(&schedulers, 1) * 0x9e37u + 0x2c5bu) & 0xffffu;
    yc__layers_attach(s);
    current = s;
    pthread_setspecific(key, s);
    return &s->abi;
}

struct yc__sched_full *yc__sched_peek(void) {
    return current;
}

struct yc__sched_full *yc__sched_owner(void) {
    return current ? current : tearing;
}

/* ------------------------------------------------------------------ */
/* The run queue                                                       */
/* ------------------------------------------------------------------ */

/* yc__enqueue, inline, is in sched.h. */
static struct yc__task *dequeue(struct yc__sched_full *s) {
    struct yc__task *t = s->head;
    if (t) {
        s->nready--;
        s->abi.busy--;
        s->head = (struct yc__task *)(void *)t->link.yc__next;
        if (!s->head)
            s->tail = NULL;
        t->link.yc__next = NULL;
    }
    return t;
}

/* Runs task t from its innermost frame until it suspends or its root frame
   returns. When a frame returns, task->top is left pointing at it so that
   its caller, resumed next, can read the result and free it. */
static inline __attribute__((always_inline)) void
resume(struct yc__sched_full *s, struct yc__task *t) {
    struct yc__task *saved = s->abi.cur;
    struct yc__resuming r; /* stepping is set before anyone reads it */
    r.task = t;
    r.outer = s->running;
    s->abi.cur = t;
    s->running = &r;
    struct yc__frame *f = t->top;
    for (;;) {
        r.stepping = f;
        if (f->resume(f, &s->abi) != YC__DONE) {
            if (s->abi.susp == YC__SUSP_YIELDED)
                yc__enqueue(s, t);
            s->abi.susp = 0; /* the C stack has unwound */
            break;
        }
        t->top = f;
        struct yc__frame *caller = yc__frame_caller(f);
        if (!caller) {
            yc__task_finished(s, yc__task_of(t));
            break;
        }
        f = caller;
    }
    s->running = r.outer;
    s->abi.cur = saved;
}

int yc__park(struct yc__sched *abi, struct yc__frame *f, unsigned state) {
    f->state = state;
    abi->cur->top = f;
    yc__enqueue(yc__full(abi), abi->cur);
    abi->susp = YC__SUSP_PARKED;
    return 1;
}

int yc__yield(struct yc__sched *abi, struct yc__frame *f, unsigned state) {
    return yc__yield_now(abi, f, state);
}

/* ------------------------------------------------------------------ */
/* Rounds                                                              */
/* ------------------------------------------------------------------ */

/* One round: look for ready fds (unless the caller has just waited for
   them), fire the timers that are due (reading the clock only if a timer
   is pending: see yc__now), take in work from other threads, then run
   each task that is ready now, once. Tasks made ready during the round
   (by a yield, a wake-up) run in the next one, so a task that yields in a
   loop cannot starve timers, I/O and the outside world. */
static inline __attribute__((always_inline)) void
run_round(struct yc__sched_full *s, int polled) {
    if (s->poll.nwait && !polled)
        yc__poller_wait(s, 0);
    s->abi.now_valid = 0;
    if (s->timers.n)
        yc__timer_run(s);
    if (yc__wake_pending(s))
        yc__wake_drain(s);
    /* As many tasks as were ready when the round began. A task may call a
       coroutine from plain C, which runs rounds of its own inside this
       one and so takes tasks off the queue too: the count bounds the
       round, and the queue running dry ends it. */
    struct yc__task *t;
    for (unsigned n = s->nready; n && (t = dequeue(s)); n--)
        resume(s, t);
}

/* A round whose caller needs its turn back: counted in busy, so that a
   task yielding alone parks and the round ends. */
static void parking_round(struct yc__sched_full *s, int polled) {
    s->yields_park++;
    s->abi.busy++;
    run_round(s, polled);
    s->yields_park--;
    s->abi.busy--;
}

void yc__round_from_plain(struct yc__sched_full *s) { parking_round(s, 0); }

/* Nothing can ever run again: the reports say which tasks wait for what;
   without them, the count. */
static void deadlock(struct yc__sched_full *s) {
    if (s->hooks.deadlock)
        s->hooks.deadlock(s);
    fprintf(stderr,
            "yieldc: deadlock: no micro-thread can run and nothing is "
            "pending; %u tasks are blocked\n",
            s->ntasks);
    exit(2);
}

/* Nothing is ready: look for tasks other threads may run here, else
   block until an fd is ready, the next timer is due or something arrives
   from outside; if nothing can ever come, it is a deadlock. Returns
   whether it waited in the poller (the round need not poll again). */
static int wait_for_work(struct yc__sched_full *s) {
    yc_assert(s->abi.busy ==
              s->nready + s->timers.n + s->poll.nwait + s->yields_park);
    int threads = atomic_load_explicit(&yc__threads_on, memory_order_relaxed);
    if (threads && yc__threads_find_work(s))
        return 0;
    int64_t next = yc__timer_next(&s->timers);
    if (next < 0 && !s->nexternal && !s->poll.nwait && !yc__wake_pending(s) &&
        !yc__wake_expected(&s->wake) && !s->naway && !s->worker)
        deadlock(s);
    if (threads && yc__threads_spin(s, next))
        return 0;
    if (threads && yc__threads_idle_enter(s))
        return 0;
    int64_t timeout = -1;
    if (next >= 0) {
        timeout = next - yc__clock_read();
        if (timeout < 0)
            timeout = 0;
    }
    /* From here on a post wakes us (wake.c); one that came before this
       store is seen by the load after it. */
    atomic_store(&s->awake, 0);
    if (!__atomic_load_n(&s->abi.remote, __ATOMIC_SEQ_CST))
        yc__poller_wait(s, timeout);
    atomic_store_explicit(&s->awake, 1, memory_order_relaxed);
    if (threads)
        yc__threads_idle_leave(s);
    return 1;
}

void yc__sched_serve(struct yc__sched_full *s, const atomic_int *stop) {
    s->abi.now_valid = 0;
    atomic_store_explicit(&s->awake, 1, memory_order_relaxed);
    while (!atomic_load_explicit(stop, memory_order_acquire)) {
        int polled = 0;
        if (!s->head)
            polled = wait_for_work(s);
        run_round(s, polled);
    }
}

/* abi->fiber is only ever set by the stackful layer, which hooks this. */
static void fiber_run(struct yc__sched *abi, struct yc__frame *f) {
    yc_assert(yc__full(abi)->hooks.fiber_run);
    yc__full(abi)->hooks.fiber_run(abi, f);
}

void yc__run_sync(struct yc__sched *abi, struct yc__frame *f) {
    if (abi->fiber) {
        /* On a stackful micro-thread the call suspends the stack. */
        fiber_run(abi, f);
        return;
    }
    struct yc__sched_full *s = yc__full(abi);
    struct yc_task *t = yc__task_new(s, f, YC__TASK_SYNC);
    yc__ext(t)->up.outer = yc__cur(abi);
    if (!s->running)
        s->abi.now_valid = 0;
    /* The call runs at once, like the plain call it stands for; other
       tasks run only while it is suspended. */
    resume(s, &t->abi);
    if (t->abi.flags & YC__TASK_DONE) {
        yc__task_release(s, t);
        return;
    }
    /* This loop looks at posted work each round, so posts need not wake
       it while it runs (see wait_for_work). */
    int was_awake =
        atomic_exchange_explicit(&s->awake, 1, memory_order_relaxed);
    while (!(t->abi.flags & YC__TASK_DONE)) {
        int polled = 0;
        if (!s->head)
            polled = wait_for_work(s);
        run_round(s, polled);
    }
    atomic_store_explicit(&s->awake, was_awake, memory_order_release);
    yc__task_release(s, t);
}

/* ------------------------------------------------------------------ */
/* Driven by a foreign event loop                                      */
/* ------------------------------------------------------------------ */

yc_sched *yc_sched_current(void) { return yc__sched_get(); }

int yc_sched_fd(void) {
    return yc__poller_fd(&yc__full(yc__sched_get())->poll);
}

void yc_sched_stats(struct yc_sched_stats *st) {
    struct yc__sched_full *s = yc__full(yc__sched_get());
    st->tasks = s->ntasks;
    st->io_waits = s->poll.nwait;
    st->timers = s->timers.n;
    st->fds = yc__fd_count(&s->poll);
}

int64_t yc_sched_run_ready(void) {
    struct yc__sched_full *s = yc__full(yc__sched_get());
    if (s->running)
        return YC_EINVAL;
    /* Clears the fd, so that the loop does not report it again. */
    yc__poller_wait(s, 0);
    parking_round(s, 1);
    if (s->head || yc__wake_pending(s))
        return 0;
    int64_t next = yc__timer_next(&s->timers);
    if (next < 0)
        return -1;
    int64_t left = next - yc__clock_read();
    return left > 0 ? left : 0;
}

/* ------------------------------------------------------------------ */
/* Teardown                                                            */
/* ------------------------------------------------------------------ */

static void destroy(struct yc__sched_full *s) {
    const struct yc__hooks *h = &s->hooks;
    /* Thread 0 stops the others first: their tasks may run frames of
       tasks started here, and they may steal from this scheduler. */
    if (s->index == 0)
        yc__threads_stop();
    /* Work from other threads is dropped before the tasks go: some of it
       points into them. */
    yc__wake_drop(&s->wake);
    yc__threads_drop(s);
    tearing = s; /* the tasks' extensions are found through it */
    if (h->exit_report)
        h->exit_report(s);
    if (h->abandon_offload)
        h->abandon_offload(s);
    yc__task_destroy_all(s);
    if (h->destroy_fibers)
        h->destroy_fibers(s);
    yc__timer_destroy(s);
    yc__fd_restore_all(&s->poll);
    yc__poller_destroy(&s->poll);
    yc__wake_destroy(&s->wake);
    yc__frame_pool_destroy(&s->abi);
    yc__ext_side_destroy(s);
    if (s->index == 0)
        yc__threads_end();
    tearing = NULL;
    free(s);
}

static void destroy_at_exit(void) {
    struct yc__sched_full *s = current;
    /* exit() from inside a coroutine: frames are still in use. */
    if (!s || s->running)
        return;
    current = NULL;
    destroy(s);
}

static void destroy_at_thread_exit(void *p) {
    struct yc__sched_full *s = p;
    current = NULL;
    if (!s->running)
        destroy(s);
}
