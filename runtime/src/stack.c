/* stack.c - mmap'd stacks with guard pages, their per-thread pool and
   registry, and the SIGSEGV/SIGBUS handler that reports an overflow
   (stack.h). */
#define _GNU_SOURCE /* MAP_ANONYMOUS, MAP_STACK, sigaltstack */

#include "stack.h"

#include "ctx.h"
#include "fail.h"
#include "fiber.h"
#include "yieldc.h"
#include "yieldc/abi.h"

#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define YC__VALGRIND 1
#endif
#endif
#ifndef YC__VALGRIND
#define YC__VALGRIND 0
#endif

#if YC__ASAN
#include <sanitizer/asan_interface.h>
#endif

#ifndef MAP_STACK
#define MAP_STACK 0
#endif

size_t yc__stack_default; /* 0: the main thread's, see default_size */
unsigned yc__stack_pool_cap = 64;

/* Distinct stack sizes a thread's pool keeps at once. Programs use one or
   two (the default and a large one for some library); a stack of a fifth
   size is unmapped when freed. */
#define POOL_SIZES 4

/* The top of a stack that a free keeps committed for the next owner: what
   shallow micro-threads use. The rest is given back to the system, so
   that a deep recursion on one micro-thread does not leave megabytes
   behind in the pool. */
#define KEEP_HOT (64 * 1024)

/* A stack as large as the main thread's, as a C program expects: the
   soft RLIMIT_STACK (8 MiB on most systems), or 8 MiB if that is
   unlimited, at most 1 GiB. The pages are only reserved: a micro-thread
   commits as many as it touches. */
static size_t default_size(void) {
    if (yc__stack_default)
        return yc__stack_default;
    struct rlimit rl;
    size_t size = 8u << 20;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
        rl.rlim_cur >= 64 * 1024)
        size = rl.rlim_cur < ((size_t)1 << 30) ? (size_t)rl.rlim_cur
                                               : (size_t)1 << 30;
    return size;
}

/* The guard below each stack: reserved address space, never committed.
   Code built with -fstack-clash-protection (the runtime, and translated
   files through yieldc-cc and yieldc_add_sources) touches every page of a
   large frame in order, so any guard catches it; other code moves the
   stack pointer by a whole frame at once, and is caught if the frame is
   smaller than the guard - as large as Linux's gap below the main thread's
   stack. */
#define GUARD_BYTES ((size_t)1 << 20)

/* The alternate signal stack installed for threads that have none. */
#define ALTSTACK_BYTES (64 * 1024)

/* ------------------------------------------------------------------ */
/* Per-thread state                                                   */
/* ------------------------------------------------------------------ */

/* Free stacks of one size. */
struct pool_list {
    size_t size;            /* usable size of every stack here; any
                               value when n == 0 (the slot is free) */
    struct yc__stack *head; /* free stacks, linked by next */
    unsigned n;             /* how many */
};

/* What a thread that runs stacks keeps. Read by the signal handler, which
   runs on the same thread as the code it interrupts: the fault comes from
   code running on a stack, never from inside these functions' updates. */
struct thread_state {
    struct yc__stack *live;             /* registry: stacks allocated and
                                           not freed, doubly linked */
    struct pool_list pools[POOL_SIZES]; /* free stacks by size */
    void *altstack;                     /* our alternate signal stack, or
                                           NULL if the thread had one */
    size_t altstack_size;               /* its size in bytes */
    int ready;                          /* altstack and exit hook set up */
};

static _Thread_local struct thread_state ts;

static size_t page_size; /* set once by set_page_size */
static pthread_once_t page_once = PTHREAD_ONCE_INIT;
static pthread_once_t process_once = PTHREAD_ONCE_INIT;
static pthread_key_t exit_key;             /* its destructor: at_exit */
static struct sigaction old_segv, old_bus; /* the handlers we displaced */

static void set_page_size(void) {
    long p = sysconf(_SC_PAGESIZE);
    page_size = p > 0 ? (size_t)p : 4096;
}

size_t yc__stack_page(void) {
    pthread_once(&page_once, set_page_size);
    return page_size;
}

/* GUARD_BYTES in whole pages (after yc__stack_page). */
static size_t guard_size(void) {
    return (GUARD_BYTES + page_size - 1) & ~(page_size - 1);
}

/* ------------------------------------------------------------------ */
/* The overflow handler                                               */
/* ------------------------------------------------------------------ */

/* Appends the decimal digits of v at p; returns the end. */
static char *put_ulong(char *p, unsigned long v) {
    char digits[24];
    int n = 0;
    do {
        digits[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        *p++ = digits[--n];
    return p;
}

static char *put_str(char *p, const char *s) {
    while (*s)
        *p++ = *s++;
    return p;
}

/* Prints the overflow message with async-signal-safe calls only. */
static void report_overflow(const struct yc__stack *st) {
    char msg[160];
    char *p = put_str(msg, "yieldc: stack overflow in micro-thread ");
    p = put_ulong(p, st->id);
    p = put_str(p, " (stack of ");
    p = put_ulong(p, (unsigned long)st->size);
    p = put_str(p, " bytes); give it a larger stack\n");
    size_t len = (size_t)(p - msg), off = 0;
    while (off < len) {
        ssize_t w = write(STDERR_FILENO, msg + off, len - off);
        if (w <= 0)
            break;
        off += (size_t)w;
    }
}

/* Passes a fault that is not an overflow of ours to the handler we
   displaced, or restores the default action so that the fault kills the
   process as it would have without us. */
static void chain(int sig, siginfo_t *si, void *uc) {
    struct sigaction *old = sig == SIGSEGV ? &old_segv : &old_bus;
    if (old->sa_flags & SA_SIGINFO) {
        if (old->sa_sigaction) {
            yc__coverage_dump();
            old->sa_sigaction(sig, si, uc);
            return;
        }
    } else if (old->sa_handler != SIG_DFL && old->sa_handler != SIG_IGN) {
        yc__coverage_dump();
        old->sa_handler(sig);
        return;
    }
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
    yc__coverage_dump(); /* the process is about to die by the signal */
    /* A hardware fault recurs when the instruction is retried; a signal
       sent with kill(2) or raise(3) does not, so send it again. It stays
       blocked until this handler returns. */
    if (si->si_code <= 0)
        raise(sig);
}

/* SIGSEGV and SIGBUS, on the alternate signal stack: the faulting stack
   may have no room left. A fault in the guard page of a stack of this
   thread is an overflow of that stack. */
static void on_fault(int sig, siginfo_t *si, void *uc) {
    uintptr_t addr = (uintptr_t)si->si_addr;
    for (const struct yc__stack *st = ts.live; st; st = st->next) {
        uintptr_t lo = (uintptr_t)st->lo;
        if (addr < lo && addr >= lo - guard_size()) {
            report_overflow(st);
            abort();
        }
    }
    chain(sig, si, uc);
}

static void at_exit(void *arg);

/* Once per process: the page size, the thread-exit hook, the handlers. */
static void setup_process(void) {
    yc__stack_page();
    if (pthread_key_create(&exit_key, at_exit) != 0) {
        fputs("yieldc: out of thread-specific keys\n", stderr);
        abort();
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, &old_segv);
    sigaction(SIGBUS, &sa, &old_bus);
}

/* Once per thread, on its first stack: an alternate signal stack unless
   the thread has one (the sanitizers install their own), and the hook
   that releases the pool at thread exit. Returns 0 or YC_ENOMEM. */
static int setup_thread(void) {
    pthread_once(&process_once, setup_process);
    stack_t cur;
    if (sigaltstack(NULL, &cur) == 0 && (cur.ss_flags & SS_DISABLE)) {
        size_t bytes = ALTSTACK_BYTES;
        if (bytes < (size_t)SIGSTKSZ)
            bytes = (size_t)SIGSTKSZ;
        void *mem = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (mem == MAP_FAILED)
            return YC_ENOMEM;
        stack_t alt;
        alt.ss_sp = mem;
        alt.ss_size = bytes;
        alt.ss_flags = 0;
        if (sigaltstack(&alt, NULL) != 0) {
            munmap(mem, bytes);
            return YC_ENOMEM;
        }
        ts.altstack = mem;
        ts.altstack_size = bytes;
    }
    /* The key's destructor runs only for a non-NULL value. */
    pthread_setspecific(exit_key, &ts);
    ts.ready = 1;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Mapping                                                            */
/* ------------------------------------------------------------------ */

/* Maps a guard page plus size usable bytes and makes the descriptor.
   Returns NULL if the system is out of memory or mappings. */
static struct yc__stack *map_stack(size_t size) {
    struct yc__stack *st = malloc(sizeof *st);
    if (!st)
        return NULL;
    /* Reserved, not committed: no swap is set aside for it either. */
    /* All of it inaccessible first, then the stack opened: a guard that
       was never writable is never charged as committed memory (strict
       overcommit accounting ignores MAP_NORESERVE). */
    size_t guard = guard_size();
    char *map =
        mmap(NULL, guard + size, PROT_NONE,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK | MAP_NORESERVE, -1, 0);
    if (map == MAP_FAILED)
        goto fail_map;
    if (mprotect(map + guard, size, PROT_READ | PROT_WRITE) != 0)
        goto fail_protect;
    memset(st, 0, sizeof *st);
    st->lo = map + guard;
    st->size = size;
    st->owner = &ts;
#if YC__VALGRIND
    /* The highest addressable byte: the range is inclusive. */
    st->valgrind_id =
        VALGRIND_STACK_REGISTER(st->lo, (char *)st->lo + size - 1);
#endif
    return st;

fail_protect:
    munmap(map, guard + size);
fail_map:
    free(st);
    return NULL;
}

static void unmap_stack(struct yc__stack *st) {
#if YC__VALGRIND
    VALGRIND_STACK_DEREGISTER(st->valgrind_id);
#endif
    munmap((char *)st->lo - guard_size(), guard_size() + st->size);
    free(st);
}

/* ------------------------------------------------------------------ */
/* Allocation, pool and registry                                      */
/* ------------------------------------------------------------------ */

/* The pool list for stacks of `size`, or NULL. With `make`, claims a free
   slot for that size if there is none yet. */
static struct pool_list *pool_for(size_t size, int make) {
    struct pool_list *spare = NULL;
    for (int i = 0; i < POOL_SIZES; i++) {
        struct pool_list *l = &ts.pools[i];
        if (l->n && l->size == size)
            return l;
        if (!l->n && !spare)
            spare = l;
    }
    if (!make || !spare)
        return NULL;
    spare->size = size;
    spare->head = NULL;
    return spare;
}

int yc__stack_alloc(size_t size, unsigned long id, struct yc__stack **out) {
    if (YC__UNLIKELY(!ts.ready)) {
        int rc = setup_thread();
        if (rc)
            return rc;
    }
    if (size == 0)
        size = default_size();
    if (size < YC__CTX_MIN_STACK)
        size = YC__CTX_MIN_STACK;
    if (size > SIZE_MAX / 4)
        return YC_EINVAL;
    size = (size + page_size - 1) & ~(page_size - 1);

    struct yc__stack *st;
    struct pool_list *l = pool_for(size, 0);
    if (l) {
        st = l->head;
        l->head = st->next;
        l->n--;
    } else {
        st = map_stack(size);
        if (!st)
            return YC_ENOMEM;
    }
    st->id = id;
    st->prev = NULL;
    st->next = ts.live;
    if (ts.live)
        ts.live->prev = st;
    ts.live = st;
    *out = st;
    return 0;
}

#if YC__ASAN
/* Frames that were live at the stack's last switch stay poisoned; the next
   owner must start from clean shadow memory. Only the pages its owner
   touched can hold poisoned frames (every free unpoisons), and they are
   the resident ones: unpoisoning all of a stack as large as the main
   thread's would write a megabyte of shadow per free. */
static void unpoison_used(struct yc__stack *st) {
    size_t pages = st->size / page_size, i = 0;
    unsigned char *vec = malloc(pages ? pages : 1);
    if (vec && mincore(st->lo, st->size, vec) == 0)
        while (i < pages && !(vec[i] & 1))
            i++;
    free(vec);
    __asan_unpoison_memory_region((char *)st->lo + i * page_size,
                                  st->size - i * page_size);
}
#endif

void yc__stack_free(struct yc__stack *st) {
    if (YC__UNLIKELY(st->owner != &ts)) {
        fprintf(stderr,
                "yieldc: the stack of micro-thread %lu was freed by an OS "
                "thread other than the one that allocated it\n",
                st->id);
        abort();
    }
    if (st->prev)
        st->prev->next = st->next;
    else
        ts.live = st->next;
    if (st->next)
        st->next->prev = st->prev;

#if YC__ASAN
    unpoison_used(st);
#endif
    struct pool_list *l = pool_for(st->size, 1);
    if (l && l->n < yc__stack_pool_cap) {
        if (st->size > KEEP_HOT)
            madvise(st->lo, st->size - KEEP_HOT, MADV_DONTNEED);
        st->prev = NULL;
        st->next = l->head;
        l->head = st;
        l->n++;
        return;
    }
    unmap_stack(st);
}

void yc__stack_pool_drain(void) {
    for (int i = 0; i < POOL_SIZES; i++) {
        struct pool_list *l = &ts.pools[i];
        while (l->head) {
            struct yc__stack *st = l->head;
            l->head = st->next;
            unmap_stack(st);
        }
        l->n = 0;
    }
}

unsigned yc__stack_pool_count(void) {
    unsigned n = 0;
    for (int i = 0; i < POOL_SIZES; i++)
        n += ts.pools[i].n;
    return n;
}

/* Thread exit: the pool goes, and our alternate signal stack with it.
   Live stacks are the owner's business; a thread that exits with some
   leaks them. */
static void at_exit(void *arg) {
    (void)arg;
    yc__stack_pool_drain();
    if (ts.altstack) {
        stack_t off;
        memset(&off, 0, sizeof off);
        off.ss_flags = SS_DISABLE;
        sigaltstack(&off, NULL);
        munmap(ts.altstack, ts.altstack_size);
        ts.altstack = NULL;
    }
    ts.ready = 0;
}
