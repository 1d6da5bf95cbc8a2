/* registry.c - the table of coroutines that translated files register
   before main (struct yc__coro_info), looked up by resume function for
   reports. */
#include "sched.h"

#include <stdatomic.h>

/* What every file that includes yieldc/abi.h names, so that a program
   linked without libyieldc says so (never called). */
void libyieldc_abi_5__link_with_lyieldc(void) {}

/* One yc__register call: n records owned by the translated file. Blocks
   form a list that only grows; a block is never changed or freed once it
   is in the list. */
struct block {
    const struct yc__coro_info *infos; /* the records */
    unsigned n;                        /* how many */
    struct block *next;                /* the block registered before */
};

/* The newest block. Lookups read the list without a lock, because a
   backtrace may be printed from a signal handler (yc_backtrace), where a
   lock could already be held by the code the signal interrupted.
   Registration happens before main, but a library loaded later by
   dlopen() registers from whatever thread loads it, so blocks are
   published with a compare-and-swap. */
static _Atomic(struct block *) head;

void yc__register(const struct yc__coro_info *infos, unsigned n) {
    struct block *b = malloc(sizeof *b);
    if (!b)
        return; /* reports lose names; the program itself is unaffected */
    b->infos = infos;
    b->n = n;
    b->next = atomic_load_explicit(&head, memory_order_relaxed);
    while (!atomic_compare_exchange_weak_explicit(
        &head, &b->next, b, memory_order_release, memory_order_relaxed))
        ;
}

/* A linear search: lookups happen only when a report is printed. Safe in
   a signal handler. */
const struct yc__coro_info *yc__coro_lookup(yc__resume_fn resume) {
    for (struct block *b = atomic_load_explicit(&head, memory_order_acquire); b;
         b = b->next)
        for (unsigned i = 0; i < b->n; i++)
            if (b->infos[i].resume == resume)
                return &b->infos[i];
    return NULL;
}
