/* micro_base.c - the plain C baselines of the micro-benchmarks
   (micro_bench.c): a hand-written state machine resumed through a function
   pointer, and a plain noinline call. Kept in their own file, compiled
   without the translator, so the compiler cannot see through them from the
   driver's side. */
#include "micro_base.h"

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
