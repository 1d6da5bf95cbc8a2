/* stack.h - stacks for stackful micro-threads: mmap'd with a guard,
   pooled per OS thread, registered with Valgrind, and watched by a
   SIGSEGV handler that turns an overflow into a message naming the
   micro-thread.

   One stack, as mapped:

       map                 lo                                   lo + size
       | guard (1 MiB)      | usable stack (grows down from the top) |
       | PROT_NONE          | PROT_READ | PROT_WRITE                 |
         ^ a write here is an overflow: "yieldc: stack overflow in
           micro-thread <id> (stack of <size> bytes); give it a larger
           stack", then abort

   A stack belongs to the OS thread that allocated it: that thread runs
   it (micro-threads do not migrate) and frees it. Freed stacks go to a
   per-thread pool with one free list per size, so that starting and
   finishing a stackful micro-thread costs no system call once the pool
   is warm; the pool's stacks are unmapped when the thread exits. */
#ifndef YC_STACK_H
#define YC_STACK_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* One stack. The struct is allocated by yc__stack_alloc along with the
   mapping and is reused with it; its fields are read-only to callers. */
struct yc__stack {
    void *lo;               /* lowest usable byte, just above the guard */
    size_t size;            /* usable bytes: a multiple of the page size */
    unsigned long id;       /* the owner's id (a micro-thread's), reported
                               on overflow; valid while allocated */
    struct yc__stack *next; /* live: next in this thread's registry;
                               pooled: next free stack of the same size */
    struct yc__stack *prev; /* live: previous in the registry, or NULL */
    void *owner;            /* the registry of the thread that allocated
                               it, to catch a free from another thread */
    unsigned valgrind_id;   /* VALGRIND_STACK_REGISTER's id, or 0 */
};

/* Default usable size of a stack, in bytes, used when yc__stack_alloc is
   asked for size 0; 0 (the default) means the main thread's stack size
   (RLIMIT_STACK, 8 MiB if unlimited). Pages are reserved, committed only
   when touched, so a micro-thread that stays shallow costs a page or two
   of memory. Set it before other threads allocate stacks. */
extern size_t yc__stack_default;

/* Most free stacks of one size that a thread's pool keeps; a stack freed
   beyond that is unmapped. Set it before other threads allocate stacks. */
extern unsigned yc__stack_pool_cap;

/* Gives a stack of at least `size` usable bytes (0: yc__stack_default),
   rounded up to whole pages, to the micro-thread `id`: from this thread's
   pool if one of that size is free, else freshly mapped. On the first call
   in a thread, also installs the overflow handler (once per process) and
   an alternate signal stack for this thread (unless it has one), so that
   the handler can run when the faulting stack is full.

   Returns 0 and sets *out, YC_ENOMEM if the mapping failed, or YC_EINVAL
   if size is absurdly large. Never suspends. */
int yc__stack_alloc(size_t size, unsigned long id, struct yc__stack **out);

/* Returns st to this thread's pool (or unmaps it when the pool for its
   size is full). No context may be running on st or be suspended on it
   and resumed later. Must be called by the thread that allocated st: from
   any other thread it aborts with a message. */
void yc__stack_free(struct yc__stack *st);

/* Unmaps every pooled stack of the calling thread (live stacks stay).
   Runs by itself at thread exit; a test or a memory-tight program may
   call it earlier. */
void yc__stack_pool_drain(void);

/* The number of stacks in the calling thread's pool, all sizes together:
   for tests and statistics. */
unsigned yc__stack_pool_count(void);

/* The system page size, the unit of stack sizes and of the guard. */
size_t yc__stack_page(void);

#ifdef __cplusplus
}
#endif

#endif
