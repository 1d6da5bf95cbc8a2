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
static struct yc__chunk *orphans; /* frame memory of schedulers gone */
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
    while (orphans) {
        struct yc__chunk *c = orphans;
        orphans = c->next;
        free(c);
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
/* The spread queues (sched.h: struct yc__spread)                      */
/* ------------------------------------------------------------------ */

/* Puts record a in s's spread queue (s's thread only). */
static void put(struct yc__spread *q, struct yc__away *a) {
    for (;;) {
        unsigned h = atomic_load(&q->head), t = atomic_load(&q->tail);
        if (t - h < YC__SPREAD_RING) {
            atomic_store_explicit(&q->ring[t % YC__SPREAD_RING], a,
                                  memory_order_relaxed);
            /* Sequentially consistent, as the idle marks kick() reads
               after it (see yc__threads_idle_enter). */
            atomic_store(&q->tail, t + 1);
            return;
        }
        /* Full: half of it, and a, go to the list in one lock. */
        struct yc__away *half[YC__SPREAD_RING / 2];
        unsigned n = YC__SPREAD_RING / 2;
        for (unsigned i = 0; i < n; i++)
            half[i] = atomic_load_explicit(&q->ring[(h + i) % YC__SPREAD_RING],
                                           memory_order_relaxed);
        if (!atomic_compare_exchange_strong(&q->head, &h, h + n))
            continue; /* thieves took some meanwhile: room now */
        struct yc__away *first = half[0], *last = half[n - 1];
        for (unsigned i = 0; i + 1 < n; i++)
            half[i]->r.next = &half[i + 1]->r;
        a->r.next = NULL;
        last->r.next = &a->r;
        yc__xs_lock(&q->lock);
        if (q->over_end)
            q->over_end->r.next = &first->r;
        else
            q->over = first;
        q->over_end = a;
        atomic_fetch_add(&q->nover, n + 1);
        yc__xs_unlock(&q->lock);
        return;
    }
}

static struct yc__away *next_of(struct yc__away *a) {
    return (struct yc__away *)(void *)a->r.next;
}

/* Takes up to `max` records (half the ring, or of the list, rounded up)
   from q into out, oldest first; any thread. Returns how many. */
static unsigned grab(struct yc__spread *q, struct yc__away **out,
                     unsigned max) {
    for (;;) {
        unsigned h = atomic_load(&q->head), t = atomic_load(&q->tail);
        unsigned n = t - h;
        if (n > YC__SPREAD_RING)
            continue; /* read head, then a newer tail: read again */
        if (n == 0)
            break;
        n -= n / 2;
        if (n > max)
            n = max;
        /* Read before the claim: a slot read after another thread took
           it may hold a newer record, and then the claim fails. */
        for (unsigned i = 0; i < n; i++)
            out[i] = atomic_load_explicit(&q->ring[(h + i) % YC__SPREAD_RING],
                                          memory_order_relaxed);
        if (atomic_compare_exchange_weak(&q->head, &h, h + n))
            return n;
    }
    unsigned k = 0;
    if (!atomic_load(&q->nover))
        return 0;
    yc__xs_lock(&q->lock);
    unsigned left = atomic_load(&q->nover);
    unsigned n = left - left / 2;
    if (n > max)
        n = max;
    for (; k < n && q->over; k++) {
        out[k] = q->over;
        q->over = next_of(q->over);
    }
    if (!q->over)
        q->over_end = NULL;
    atomic_fetch_sub(&q->nover, k);
    yc__xs_unlock(&q->lock);
    return k;
}

/* Whether q holds records. */
static unsigned queued(struct yc__spread *q) {
    return atomic_load(&q->tail) - atomic_load(&q->head) +
           atomic_load(&q->nover);
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

/* The twin of record a on runner s; for a detached task (no proxy), a
   task of s's own, which frees the root frame when it ends. */
static void adopt(struct yc__sched_full *s, struct yc__away *a) {
    if (!a->proxy) {
        struct yc_task *t = yc__task_new(s, a->root, YC__TASK_DETACHED);
        away_unref(a);
        yc__enqueue(s, &t->abi);
        return;
    }
    /* Made with its extension, then detached: it is freed when it ends. */
    struct yc_task *tw = yc__task_new(s, a->root, YC__TASK_TWIN);
    tw->abi.flags |= YC__TASK_DETACHED;
    yc__ext(tw)->spread = a;
    if (atomic_load(&a->cancel))
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

int yc__spread(struct yc__sched_full *s, struct yc__frame *f, unsigned flags,
               struct yc_task **proxy) {
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
        return 0;
    struct yc__away *a = away_new();
    *a = (struct yc__away){.root = f, .home = s};
    atomic_init(&a->runner, NULL);
    atomic_init(&a->cancel, 0);
    atomic_init(&a->refs, 1);
    /* A detached task has nobody to hold, join or cancel it: no proxy,
       and the thread that runs it owns it, root frame and all. */
    if (!(flags & YC__TASK_DETACHED)) {
        /* A proxy always has its extension. */
        struct yc_task *t = yc__task_new(s, f, YC__TASK_SPREAD);
        a->proxy = t;
        yc__ext(t)->spread = a;
        s->naway++;
        *proxy = t;
    }
    if (where >= 0) {
        atomic_store(&a->runner, T.s[where]);
        a->r.run = run_adopt;
        yc__wake_post(T.s[where], &a->r);
        return 1;
    }
    put(&s->spread, a);
    kick(s, n);
    return 1;
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
    atomic_store(&a->cancel, 1);
    /* A thief sets the runner, then reads `cancel`: either it sees the
       flag, or this sees the runner (both sequentially consistent). */
    (void)s;
    struct yc__sched_full *runner = atomic_load(&a->runner);
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

/* Home s runs its own spread tasks: they become ordinary tasks. */
static int take_own(struct yc__sched_full *s) {
    struct yc__away *got[16];
    unsigned n = queued(&s->spread) ? grab(&s->spread, got, 16) : 0;
    for (unsigned i = 0; i < n; i++) {
        struct yc__away *a = got[i];
        struct yc_task *p = a->proxy;
        if (p) {
            yc__ext(p)->spread = NULL;
            p->abi.flags &= ~YC__TASK_SPREAD;
            s->naway--;
        } else {
            p = yc__task_new(s, a->root, YC__TASK_DETACHED);
        }
        away_unref(a);
        yc__enqueue(s, &p->abi);
    }
    return n != 0;
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
    if (!queued(q))
        return 0;
    struct yc__away *got[STEAL_MAX];
    unsigned k = grab(q, got, STEAL_MAX);
    for (unsigned i = 0; i < k; i++) {
        /* Then `cancel` is read (adopt): see yc__proxy_cancel. */
        atomic_store(&got[i]->runner, s);
        adopt(s, got[i]);
    }
    if (k && queued(q))
        kick(s, n); /* more to take: let another idle thread help */
    return k != 0;
}

void yc__threads_drop(struct yc__sched_full *s) {
    struct yc__away *got[64];
    unsigned n;
    while ((n = grab(&s->spread, got, 64)) != 0)
        for (unsigned i = 0; i < n; i++)
            if (!got[i]->proxy) { /* a proxy's record goes with it */
                yc__frame_free(&s->abi, got[i]->root);
                away_unref(got[i]);
            }
    /* Frames are freed to whichever thread's pool ends them: the memory
       of every pool stays until the last scheduler thread is gone. */
    if (s->index > 0) {
        pthread_mutex_lock(&blocks_lock);
        while (s->chunks) {
            struct yc__chunk *c = s->chunks;
            s->chunks = c->next;
            c->next = orphans;
            orphans = c;
        }
        pthread_mutex_unlock(&blocks_lock);
    }
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
