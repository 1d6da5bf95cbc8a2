// Stacks of stackful micro-threads come from a per-thread pool: sizes are
// rounded up to pages, a freed stack is handed out again for its size,
// sizes are kept apart, the pool keeps at most yc__stack_pool_cap stacks
// of a size, and a thread's pool goes when the thread exits. Thousands of
// short micro-threads run one after another on one recycled stack, and
// fifty at a time on fifty.
// RUN: %cc -I%S %s -o %t
// RUN: %run %t | FileCheck %s

#include "Inputs/assert.h"

#include "../../runtime/src/ctx.h"
#include "../../runtime/src/fiber.h"
#include "../../runtime/src/stack.h"

#include <pthread.h>
#include <sys/resource.h>

static size_t round_up(size_t n, size_t page) {
    return (n + page - 1) / page * page;
}

/* The default: the main thread's stack size (RLIMIT_STACK), 8 MiB when
   that is unlimited. */
static size_t main_stack(void) {
    struct rlimit rl;
    if (getrlimit(RLIMIT_STACK, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY ||
        rl.rlim_cur < 64 * 1024)
        return 8u << 20;
    return rl.rlim_cur < ((size_t)1 << 30) ? (size_t)rl.rlim_cur
                                            : (size_t)1 << 30;
}

static void sizes(void) {
    size_t page = yc__stack_page();
    struct yc__stack *st;
    ASSERT_EQ(yc__stack_alloc(0, 1, &st), 0);
    ASSERT_UEQ(st->size, round_up(main_stack(), page));
    ASSERT_UEQ((size_t)st->lo % page, 0);
    ASSERT_UEQ(st->id, 1);
    yc__stack_free(st);
    ASSERT_EQ(yc__stack_alloc(YC__CTX_MIN_STACK + 1000, 2, &st), 0);
    ASSERT_UEQ(st->size, round_up(YC__CTX_MIN_STACK + 1000, page));
    yc__stack_free(st);
    ASSERT_EQ(yc__stack_alloc(1, 3, &st), 0); /* raised to the minimum */
    ASSERT_UEQ(st->size, round_up(YC__CTX_MIN_STACK, page));
    yc__stack_free(st);
    yc__stack_pool_drain();
    ASSERT_EQ(yc__stack_pool_count(), 0);
    printf("sizes: rounded to pages\n");
}
// CHECK: sizes: rounded to pages

static void reuse(void) {
    struct yc__stack *a, *b, *x, *y;
    ASSERT_EQ(yc__stack_alloc(0, 10, &a), 0);
    void *lo = a->lo;
    ((char *)lo)[0] = 1; /* the whole usable range is writable */
    ((char *)lo)[a->size - 1] = 1;
    yc__stack_free(a);
    ASSERT_EQ(yc__stack_pool_count(), 1);
    ASSERT_EQ(yc__stack_alloc(0, 11, &b), 0);
    ASSERT_PTR_EQ(b, a);
    ASSERT_PTR_EQ(b->lo, lo);
    ASSERT_UEQ(b->id, 11); /* the new owner */
    ASSERT_EQ(yc__stack_pool_count(), 0);

    /* Two sizes, two lists. */
    ASSERT_EQ(yc__stack_alloc(64 * 1024, 12, &x), 0);
    ASSERT_EQ(yc__stack_alloc(128 * 1024, 13, &y), 0);
    yc__stack_free(x);
    yc__stack_free(y);
    ASSERT_EQ(yc__stack_pool_count(), 2);
    struct yc__stack *y2, *x2;
    ASSERT_EQ(yc__stack_alloc(128 * 1024, 14, &y2), 0);
    ASSERT_EQ(yc__stack_alloc(64 * 1024, 15, &x2), 0);
    ASSERT_PTR_EQ(y2, y);
    ASSERT_PTR_EQ(x2, x);
    yc__stack_free(x2);
    yc__stack_free(y2);
    yc__stack_free(b);
    yc__stack_pool_drain();
    printf("reuse: same stack for the same size\n");
}
// CHECK-NEXT: reuse: same stack for the same size

static void cap(void) {
    unsigned old = yc__stack_pool_cap;
    struct yc__stack *st[5];
    yc__stack_pool_cap = 3;
    for (int i = 0; i < 5; i++)
        ASSERT_EQ(yc__stack_alloc(32 * 1024, 20 + i, &st[i]), 0);
    for (int i = 0; i < 5; i++)
        yc__stack_free(st[i]);
    ASSERT_EQ(yc__stack_pool_count(), 3);
    yc__stack_pool_drain();
    ASSERT_EQ(yc__stack_pool_count(), 0);
    yc__stack_pool_cap = old;
    printf("cap: pool keeps 3 of 5\n");
}
// CHECK-NEXT: cap: pool keeps 3 of 5

/* ------------------------------------------------------------------ */
/* Micro-threads on recycled stacks.                                  */
/* ------------------------------------------------------------------ */

struct uthread {
    struct yc__ctx ctx;      /* its context */
    struct yc__stack *stack; /* its stack */
    long n;                  /* input */
    long result;             /* output, valid once done */
    int done;                /* finished: the stack can go */
};

static struct yc__ctx sched_ctx;

static long sum_to(long n) {
    volatile long pad = n; /* a real frame per level */
    return n == 0 ? 0 : pad + sum_to(n - 1);
}

/* Yields `rounds` times, then computes and finishes. */
static void body(void *arg) {
    yc__fiber_enter();
    struct uthread *u = arg;
    for (long i = 0; i < u->n % 4; i++)
        yc__fiber_switch(&u->ctx, &sched_ctx, NULL, 0);
    u->result = sum_to(u->n);
    u->done = 1;
    yc__fiber_exit(&u->ctx, &sched_ctx, NULL, 0);
}

static void start(struct uthread *u, long n) {
    ASSERT_EQ(yc__stack_alloc(0, (unsigned long)n, &u->stack), 0);
    u->n = n;
    u->done = 0;
    yc__ctx_make(&u->ctx, u->stack->lo, u->stack->size, body, u);
}

static void resume(struct uthread *u) {
    yc__fiber_switch(&sched_ctx, &u->ctx, u->stack->lo, u->stack->size);
    if (u->done) {
        ASSERT_EQ(u->result, u->n * (u->n + 1) / 2);
        yc__stack_free(u->stack);
        u->stack = NULL;
    }
}

static void sequential(void) {
    struct uthread u;
    void *first = NULL;
    int distinct = 0;
    for (long i = 0; i < 3000; i++) {
        start(&u, i % 500);
        if (u.stack->lo != first) {
            first = u.stack->lo;
            distinct++;
        }
        while (u.stack)
            resume(&u);
    }
    printf("sequential: 3000 micro-threads on %d stack\n", distinct);
}
// CHECK-NEXT: sequential: 3000 micro-threads on 1 stack

static void interleaved(void) {
    enum { N = 50 };
    static struct uthread us[N];
    for (int round = 0; round < 10; round++) {
        for (int i = 0; i < N; i++)
            start(&us[i], round * N + i);
        int live = N;
        while (live) {
            live = 0;
            for (int i = 0; i < N; i++) {
                if (us[i].stack)
                    resume(&us[i]);
                live += us[i].stack != NULL;
            }
        }
    }
    printf("interleaved: %u stacks pooled\n", yc__stack_pool_count());
}
// CHECK-NEXT: interleaved: 50 stacks pooled

/* A second OS thread runs micro-threads on stacks of its own pool; its
   pool is unmapped when it exits (Valgrind would see the descriptors
   leak otherwise). */
static void *other_thread(void *arg) {
    (void)arg;
    struct uthread u;
    for (long i = 0; i < 100; i++) {
        start(&u, i);
        while (u.stack)
            resume(&u);
    }
    ASSERT_EQ(yc__stack_pool_count(), 1);
    return NULL;
}

static void threads(void) {
    unsigned before = yc__stack_pool_count();
    pthread_t t;
    ASSERT_EQ(pthread_create(&t, NULL, other_thread, NULL), 0);
    ASSERT_EQ(pthread_join(t, NULL), 0);
    ASSERT_EQ(yc__stack_pool_count(), before);
    printf("threads: pools are per thread\n");
}
// CHECK-NEXT: threads: pools are per thread

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    sizes();
    reuse();
    cap();
    sequential();
    interleaved();
    threads();
    yc__stack_pool_drain();
    printf("done\n");
    return 0;
}
// CHECK-NEXT: done
