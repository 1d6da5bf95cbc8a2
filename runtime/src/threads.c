/* threads.c - the scheduler threads, and tasks that start on another
   thread than their home's: placement, the spread queues and stealing,
   proxies and twins (see threads.h). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* sched_getaffinity, CPU_COUNT */
#endif
#include "threads.h"

#include "shared.h"

#include <errno.h>
#include <sched.h>
#include <signal.h>

#define MAX_THREADS 256

atomic_int yc__threads_on;

/* The scheduler threads. s[0 .. n-1] are written before n is published
   (release) and read after it is read (acquire); they live until
   yc__threads_stop has joined every worker. */
static struct {
    pthread_mutex_t lock;                  /* starting and stopping */
    pthread_cond_t ready;                  /* a worker has registered */
    unsigned nready;                       /* workers registered */
    atomic_uint n;                         /* scheduler threads, 0: none */
    struct yc__sched_full *s[MAX_THREADS]; /* their schedulers */
    pthread_t tid[MAX_THREADS];            /* their threads (s[0]'s is
                                              the program's) */
    pthread_barrier_t done; /* workers leave their loops, then wait here
                               with the thread that stops them: none frees
                               its scheduler while another may still steal
                               from it or wake it */
    atomic_int stop;        /* the workers are to return */
    atomic_uint nidle;      /* schedulers marked idle */
} T = {.lock = PTHREAD_MUTEX_INITIALIZER, .ready = PTHREAD_COND_INITIALIZER};

/* Records come and go with every task started elsewhere, on whichever
   thread ends them: each thread keeps the ones it freed for its next
   ones, and they are carved from blocks that live until the process's
   scheduler threads are gone (so a record freed on one thread and reused
   on another is never memory given back). */
#define AWAY_BLOCK 64
struct away_block {
    struct away_block *next;
    struct yc__away rec[AWAY_BLOCK];
};
static pthread_mutex_t blocks_lock = PTHREAD_MUTEX_INITIALIZER;
static struct away_block *blocks; /* every block, freed at the end */
static _Thread_local struct yc__away *away_free; /* linked by r.next */

_Static_assert(offsetof(struct yc__away, r) == 0, "free records link by r");

static struct yc__away *away_new(void) {
    struct yc__away *a = away_free;
    if (YC__LIKELY(a != NULL)) {
        away_free = (struct yc__away *)(void *)a->r.next;
        return a;
    }
    struct away_block *b = malloc(sizeof *b);
    if (!b)
        yc__oom("starting a task on another thread");
    pthread_mutex_lock(&blocks_lock);
    b->next = blocks;
    blocks = b;
    pthread_mutex_unlock(&blocks_lock);
    for (int i = AWAY_BLOCK - 1; i > 0; i--) {
        b->rec[i].r.next = (struct yc__remote *)(void *)away_free;
        away_free = &b->rec[i];
    }
    return &b->rec[0];
}

static void away_unref(struct yc__away *a) {
    if (atomic_fetch_sub_explicit(&a->refs, 1, memory_order_acq_rel) == 1) {
        a->r.next = (struct yc__remote *)(void *)away_free;
        away_free = a;
    }
}

void yc__threads_end(void) {
    pthread_mutex_lock(&blocks_lock);
    while (blocks) {
        struct away_block *b = blocks;
        blocks = b->next;
        free(b);
    }
    pthread_mutex_unlock(&blocks_lock);
    away_free = NULL;
}

/* ------------------------------------------------------------------ */
/* Starting the threads                                                */
/* ------------------------------------------------------------------ */

static void *worker_main(void *arg) {
    unsigned k = (unsigned)(uintptr_t)arg;
    /* Signals sent to the process go to the program's own threads, as
       before it had these: a worker takes only those its own faults
       raise. */
    sigset_t set;
    sigfillset(&set);
    sigdelset(&set, SIGSEGV);
    sigdelset(&set, SIGBUS);
    sigdelset(&set, SIGFPE);
    sigdelset(&set, SIGILL);
    sigdelset(&set, SIGTRAP);
    sigdelset(&set, SIGABRT);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    struct yc__sched_full *s = yc__full(yc__sched_get());
    s->index = (int)k;
    s->worker = 1;
    pthread_mutex_lock(&T.lock);
    T.s[k] = s;
    T.nready++;
    pthread_cond_signal(&T.ready);
    pthread_mutex_unlock(&T.lock);
    yc__sched_serve(s, &T.stop);
    pthread_barrier_wait(&T.done);
    return NULL; /* the thread's exit destroys its scheduler */
}

/* The default thread count: YC_THREADS, else the CPUs this process may
   run on. */
static unsigned default_count(void) {
    const char *e = getenv("YC_THREADS");
    if (e && *e) {
        char *end;
        unsigned long v = strtoul(e, &end, 10);
        if (*end || v == 0 || v > MAX_THREADS) {
            fprintf(stderr,
                    "yieldc: YC_THREADS=%s: not a thread count from 1 to %d\n",
                    e, MAX_THREADS);
            abort();
        }
        return (unsigned)v;
    }
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        int c = CPU_COUNT(&set);
        if (c > 0)
            return c > MAX_THREADS ? MAX_THREADS : (unsigned)c;
    }
    return 1;
}

int yc_threads_start(unsigned n) {
    if (n == 0)
        n = default_count();
    if (n > MAX_THREADS)
        return YC_EINVAL;
    struct yc__sched_full *s = yc__full(yc__sched_get());
    pthread_mutex_lock(&T.lock);
    unsigned have = atomic_load_explicit(&T.n, memory_order_relaxed);
    if (have) {
        pthread_mutex_unlock(&T.lock);
        return have == n ? 0 : YC_EBUSY;
    }
    s->index = 0;
    T.s[0] = s;
    T.nready = 0;
    atomic_store(&T.stop, 0);
    atomic_store(&yc__threads_on, 1);
    pthread_barrier_init(&T.done, NULL, n);
    unsigned made = 1;
    for (; made < n; made++)
        if (pthread_create(&T.tid[made], NULL, worker_main,
                           (void *)(uintptr_t)made) != 0)
            break;
    if (made < n) {
        /* Without its threads the program cannot run as written. */
        fprintf(stderr, "yieldc: cannot start %u scheduler threads: %s\n", n,
                strerror(errno));
        abort();
    }
    while (T.nready < n - 1)
        pthread_cond_wait(&T.ready, &T.lock);
    atomic_store_explicit(&T.n, n, memory_order_release);
    pthread_mutex_unlock(&T.lock);
    return 0;
}

unsigned yc_threads_count(void) {
    unsigned n = atomic_load_explicit(&T.n, memory_order_acquire);
    return n ? n : 1;
}

int yc_thread_index(void) {
    struct yc__sched_full *s = yc__sched_peek();
    if (!s)
        return atomic_load(&T.n) ? -1 : 0;
    return atomic_load(&T.n) ? s->index : 0;
}

void yc__threads_stop(void) {
    pthread_mutex_lock(&T.lock);
    unsigned n = atomic_load_explicit(&T.n, memory_order_relaxed);
    if (n) {
        atomic_store_explicit(&T.stop, 1, memory_order_release);
        for (unsigned k = 1; k < n; k++)
            yc__wake_signal(T.s[k]);
        pthread_barrier_wait(&T.done);
        for (unsigned k = 1; k < n; k++)
            pthread_join(T.tid[k], NULL);
        pthread_barrier_destroy(&T.done);
        atomic_store_explicit(&T.n, 0, memory_order_release);
    }
    pthread_mutex_unlock(&T.lock);
}

/* ------------------------------------------------------------------ */
/* Placement and proxies                                               */
/* ------------------------------------------------------------------ */

void yc__place(int where) {
    struct yc__sched_full *s = yc__full(yc__sched_get());
    s->placed = 1;
    s->where = where;
}

/* Wakes one idle scheduler other than s, if there is one. */
static void kick(struct yc__sched_full *s, unsigned n) {
    if (!atomic_load(&T.nidle))
        return;
    for (unsigned k = 0; k < n; k++) {
        struct yc__sched_full *o = T.s[k];
        int one = 1;
        if (o != s && atomic_compare_exchange_strong(&o->idle, &one, 0)) {
            yc__wake_signal(o);
            return;
        }
    }
}

/* The twin of record a on runner s. */
static void adopt(struct yc__sched_full *s, struct yc__away *a) {
    /* Made with its extension, then detached: it is freed when it ends. */
    struct yc_task *tw = yc__task_new(s, a->root, YC__TASK_TWIN);
    tw->abi.flags |= YC__TASK_DETACHED;
    yc__ext(tw)->spread = a;
    if (atomic_load_explicit(&a->cancel, memory_order_acquire))
        tw->abi.flags |= YC__TASK_CANCELLED;
    a->twin = tw;
    a->adopted = 1;
    yc__enqueue(s, &tw->abi);
}

/* A record posted to the thread it was started on (s is NULL when that
   thread is being torn down: the home frees everything). */
static void run_adopt(struct yc__sched_full *s, struct yc__remote *r) {
    if (s)
        adopt(s, (struct yc__away *)(void *)r);
}

struct yc_task *yc__spread(struct yc__sched_full *s, struct yc__frame *f,
                           unsigned flags) {
    int where = s->where;
    s->placed = 0;
    /* A loop that starts many tasks elsewhere frees the ones that have
       ended as it goes, rather than once it suspends. */
    if (atomic_load_explicit(&s->wake.early, memory_order_relaxed))
        yc__wake_drain_early(s);
    unsigned n = atomic_load_explicit(&T.n, memory_order_acquire);
    if (!n) {
        yc_threads_start(0);
        n = yc_threads_count();
    }
    if (s->index < 0 || (unsigned)s->index >= n) {
        fprintf(stderr,
                "yieldc: %s on a thread that yc_threads_start did "
                "not start or call\n",
                where < 0 ? "YC_SPAWN_ANY" : "YC_SPAWN_ON");
        abort();
    }
    if (where >= (int)n || where < -1) {
        fprintf(stderr,
                "yieldc: YC_SPAWN_ON(%d, ...): there are threads 0 to %u\n",
                where, n - 1);
        abort();
    }
    if (n == 1 || where == s->index)
        return NULL;
    struct yc__away *a = away_new();
    /* A proxy always has its extension: made joinable, then detached if
       it is to be. */
    struct yc_task *t = yc__task_new(s, f, YC__TASK_SPREAD);
    t->abi.flags |= flags;
    *a = (struct yc__away){.proxy = t, .root = f, .home = s};
    atomic_init(&a->cancel, 0);
    atomic_init(&a->refs, 1);
    yc__ext(t)->spread = a;
    s->naway++;
    if (where >= 0) {
        a->runner = T.s[where];
        a->r.run = run_adopt;
        yc__wake_post(a->runner, &a->r);
        return t;
    }
    struct yc__spread *q = &s->spread;
    a->r.next = NULL;
    yc__xs_lock(&q->lock);
    if (q->tail)
        q->tail->r.next = &a->r;
    else
        q->head = a;
    q->tail = a;
    atomic_fetch_add(&q->n, 1);
    yc__xs_unlock(&q->lock);
    kick(s, n);
    return t;
}

/* Home s: the proxy's frames ran elsewhere and are done. */
static void run_done(struct yc__sched_full *s, struct yc__remote *r) {
    if (!s)
        return; /* home's teardown frees the proxy and the record */
    struct yc__away *a = (struct yc__away *)(void *)r;
    struct yc_task *t = a->proxy;
    s->naway--;
    t->abi.flags &= ~YC__TASK_SPREAD;
    yc__ext(t)->spread = NULL;
    away_unref(a);
    yc__task_finished(s, t);
}

void yc__twin_finished(struct yc__sched_full *s, struct yc_task *t) {
    struct yc__away *a = yc__ext(t)->spread;
    a->twin = NULL;
    yc__task_release(s, t);
    a->r.run = run_done;
    yc__wake_post_early(a->home, &a->r);
}

/* A cancellation on its way to the runner. */
struct cancel_req {
    struct yc__remote r;
    struct yc__away *a;
};

static void run_cancel(struct yc__sched_full *s, struct yc__remote *r) {
    struct cancel_req *c = (struct cancel_req *)(void *)r;
    if (s && c->a->twin)
        yc__task_cancel(c->a->twin);
    away_unref(c->a);
    free(c);
}

void yc__proxy_cancel(struct yc__sched_full *s, struct yc_task *t) {
    struct yc__away *a = yc__ext(t)->spread;
    atomic_store_explicit(&a->cancel, 1, memory_order_release);
    /* A thief sets the runner under this lock and reads `cancel` after
       it: either it sees the flag, or this sees the runner. */
    yc__xs_lock(&s->spread.lock);
    struct yc__sched_full *runner = a->runner;
    yc__xs_unlock(&s->spread.lock);
    if (!runner)
        return;
    struct cancel_req *c = malloc(sizeof *c);
    if (!c)
        yc__oom("cancelling a task on another thread");
    atomic_fetch_add(&a->refs, 1);
    c->a = a;
    c->r.run = run_cancel;
    yc__wake_post(runner, &c->r);
}

int yc__proxy_drop(struct yc__sched_full *s, struct yc_task *t) {
    (void)s;
    struct yc__away *a = yc__ext(t)->spread;
    int owns_root = !a->adopted;
    yc__ext(t)->spread = NULL;
    away_unref(a);
    return owns_root;
}

/* ------------------------------------------------------------------ */
/* Finding work                                                        */
/* ------------------------------------------------------------------ */

/* Takes up to `max` records from the head of q (its lock held), oldest
   first; they stay linked by r.next. */
static struct yc__away *take(struct yc__spread *q, unsigned max) {
    struct yc__away *first = q->head, *last = NULL, *a = first;
    unsigned k = 0;
    while (a && k < max) {
        last = a;
        a = (struct yc__away *)(void *)a->r.next;
        k++;
    }
    if (!k)
        return NULL;
    q->head = a;
    if (!a)
        q->tail = NULL;
    last->r.next = NULL;
    atomic_fetch_sub(&q->n, k);
    return first;
}

static struct yc__away *next_of(struct yc__away *a) {
    return (struct yc__away *)(void *)a->r.next;
}

/* Home s runs its own spread tasks: they become ordinary tasks. */
static int take_own(struct yc__sched_full *s) {
    struct yc__spread *q = &s->spread;
    if (!atomic_load(&q->n))
        return 0;
    yc__xs_lock(&q->lock);
    struct yc__away *a = take(q, 16);
    yc__xs_unlock(&q->lock);
    int got = a != NULL;
    while (a) {
        struct yc__away *next = next_of(a);
        struct yc_task *p = a->proxy;
        yc__ext(p)->spread = NULL;
        p->abi.flags &= ~YC__TASK_SPREAD;
        s->naway--;
        away_unref(a);
        yc__enqueue(s, &p->abi);
        a = next;
    }
    return got;
}

/* At most this many tasks move in one steal: a thief gets going at
   once, and comes back for more (as Go's scheduler does with its local
   queues). */
#define STEAL_MAX 128

/* Thief s takes half of victim v's spread tasks, up to STEAL_MAX. It
   touches only their records, never the proxies, which belong to v's
   thread. */
static int steal_from(struct yc__sched_full *s, struct yc__sched_full *v,
                      unsigned n) {
    struct yc__spread *q = &v->spread;
    unsigned have = atomic_load(&q->n);
    if (!have)
        return 0;
    yc__xs_lock(&q->lock);
    struct yc__away *a =
        take(q, have / 2 + 1 < STEAL_MAX ? have / 2 + 1 : STEAL_MAX);
    for (struct yc__away *x = a; x; x = next_of(x))
        x->runner = s;
    unsigned left = atomic_load(&q->n);
    yc__xs_unlock(&q->lock);
    int got = a != NULL;
    while (a) {
        struct yc__away *next = next_of(a);
        adopt(s, a);
        a = next;
    }
    if (left)
        kick(s, n); /* more to take: let another idle thread help */
    return got;
}

int yc__threads_find_work(struct yc__sched_full *s) {
    if (take_own(s))
        return 1;
    unsigned n = atomic_load_explicit(&T.n, memory_order_acquire);
    if (s->index < 0 || (unsigned)s->index >= n)
        return 0;
    /* Start with the next thread, so that thieves spread over victims. */
    for (unsigned i = 1; i < n; i++) {
        struct yc__sched_full *v = T.s[((unsigned)s->index + i) % n];
        if (steal_from(s, v, n))
            return 1;
    }
    return 0;
}

int yc__threads_idle_enter(struct yc__sched_full *s) {
    atomic_store(&s->idle, 1);
    atomic_fetch_add(&T.nidle, 1);
    if (!yc__threads_find_work(s))
        return 0;
    yc__threads_idle_leave(s);
    return 1;
}

void yc__threads_idle_leave(struct yc__sched_full *s) {
    atomic_store(&s->idle, 0);
    atomic_fetch_sub(&T.nidle, 1);
}

#define SPIN_NS 20000 /* how long an idle thread spins before it blocks */

int yc__threads_spin(struct yc__sched_full *s, int64_t next) {
    int64_t start = yc__clock_read(), until = start + SPIN_NS;
    if (next >= 0 && next < until)
        until = next;
    for (unsigned i = 0;; i++) {
        if (yc__wake_pending(s) || yc__threads_find_work(s))
            return 1;
        if (i % 64 == 63 && yc__clock_read() >= until)
            return 0;
        yc__cpu_relax();
    }
}
