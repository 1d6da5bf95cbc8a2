/* micro_base.c - the plain C baselines of the micro-benchmarks
   (micro_bench.c): a hand-written state machine resumed through a function
   pointer, a plain noinline call, pthread create + join, and a pthread
   mutex + condvar ping-pong. Kept in their own file, compiled
   without the translator, so the compiler cannot see through them from the
   driver's side. */
#include "micro_base.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

/* The hand-written equivalent of `for (;;) { n++; YC_YIELD(); }`: a
   struct holding the resume state and the live local, and a step function
   that switches on the state. */
struct sm {
    int (*step)(struct sm *m); /* resumes the machine */
    unsigned state;            /* 0 = start, 1 = after the yield */
    long n;                    /* the counter, live across the yield */
};

__attribute__((noinline)) static int sm_step(struct sm *m) {
    switch (m->state) {
    case 0:
        break;
    case 1:
        goto resume_1;
    }
    for (;;) {
        m->n++;
        m->state = 1;
        return 1;
    resume_1:;
    }
}

long micro_sm_run(long iters) {
    struct sm m = {sm_step, 0, 0};
    struct sm *p = &m;
    for (long i = 0; i < iters; i++) {
        /* Hide the pointer, so that the call stays indirect. */
        __asm__ volatile("" : "+r"(p) : : "memory");
        p->step(p);
    }
    return m.n;
}

__attribute__((noinline)) int micro_leaf_c(int x) {
    __asm__ volatile("");
    return x + 1;
}

long micro_call_run(long iters) {
    long s = 0;
    for (long i = 0; i < iters; i++)
        s += micro_leaf_c((int)i);
    return s;
}

static void fail(const char *what) {
    fprintf(stderr, "bench_micro: %s failed\n", what);
    exit(1);
}

/* ------------------------------------------------------------------ */
/* Row 4: pthread create + join                                        */
/* ------------------------------------------------------------------ */

enum { BATCH = 64 }; /* threads alive at once: a few, as a thread pool */

static void *thread_child(void *arg) { return (char *)arg + 1; }

long micro_pthread_spawn_run(long iters) {
    pthread_t th[BATCH];
    long s = 0;
    for (long i = 0; i < iters; i += BATCH) {
        long n = iters - i < BATCH ? iters - i : BATCH;
        for (long k = 0; k < n; k++)
            if (pthread_create(&th[k], NULL, thread_child, (void *)(i + k)))
                fail("pthread_create");
        for (long k = 0; k < n; k++) {
            void *r;
            if (pthread_join(th[k], &r))
                fail("pthread_join");
            s += (long)r;
        }
    }
    return s;
}

/* ------------------------------------------------------------------ */
/* Row 7: mutex + condvar ping-pong                                    */
/* ------------------------------------------------------------------ */

/* A one-slot mailbox per direction, guarded by a mutex and a condvar. */
struct box {
    pthread_mutex_t m; /* guards the other fields */
    pthread_cond_t c;  /* signalled when full changes */
    int full;          /* whether value holds a message */
    int value;         /* the message, while full */
};

static struct box to_pong, to_ping;
static long pong_rounds; /* messages the pong thread answers */

static void box_put(struct box *b, int v) {
    pthread_mutex_lock(&b->m);
    while (b->full)
        pthread_cond_wait(&b->c, &b->m);
    b->value = v;
    b->full = 1;
    pthread_cond_signal(&b->c);
    pthread_mutex_unlock(&b->m);
}

static int box_take(struct box *b) {
    pthread_mutex_lock(&b->m);
    while (!b->full)
        pthread_cond_wait(&b->c, &b->m);
    int v = b->value;
    b->full = 0;
    pthread_cond_signal(&b->c);
    pthread_mutex_unlock(&b->m);
    return v;
}

static void *thread_pong(void *arg) {
    (void)arg;
    for (long i = 0; i < pong_rounds; i++)
        box_put(&to_ping, box_take(&to_pong));
    return NULL;
}

/* iters messages, half each way, as the channel ping-pong. */
long micro_pthread_pingpong_run(long iters) {
    struct box init = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0,
                       0};
    pthread_t th;
    long s = 0;
    to_pong = init;
    to_ping = init;
    pong_rounds = iters / 2;
    if (pthread_create(&th, NULL, thread_pong, NULL))
        fail("pthread_create");
    for (long i = 0; i < iters / 2; i++) {
        box_put(&to_pong, (int)i);
        s += box_take(&to_ping);
    }
    pthread_join(th, NULL);
    return s;
}

/* Row 2, call-heavy code. A complete binary tree of depth 16, built
   once. */
const struct micro_enode *micro_eval_tree(void) {
    static struct micro_enode n[EVAL_NODES];
    static int built;
    if (!built) {
        for (int i = EVAL_NODES - 1; i >= 0; i--) {
            int l = 2 * i + 1, r = 2 * i + 2;
            if (r < EVAL_NODES) {
                n[i].op = 1 + i % 3;
                n[i].l = &n[l];
                n[i].r = &n[r];
            } else {
                n[i].val = i;
            }
        }
        built = 1;
    }
    return n;
}

static long eval_plain(const struct micro_enode *n) {
    switch (n->op) {
    case 0:
        return n->val;
    case 1:
        return eval_plain(n->l) + eval_plain(n->r);
    case 2:
        return eval_plain(n->l) - eval_plain(n->r);
    default:
        return eval_plain(n->l) ^ eval_plain(n->r);
    }
}

long micro_eval_plain_run(long iters) {
    const struct micro_enode *t = micro_eval_tree();
    long s = 0;
    for (long i = 0; i < iters; i += EVAL_NODES)
        s += eval_plain(t);
    return s;
}
