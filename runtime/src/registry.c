/* registry.c - the table of coroutines that translated files register
   before main (struct yc__coro_info), looked up by step function for
   reports. */
#include "sched.h"

#include <pthread.h>

/* One yc__register call: n records owned by the translated file. */
struct block {
    const struct yc__coro_info *infos; /* the records */
    unsigned n;                        /* how many */
};

static struct block *blocks; /* every registered block */
static unsigned nblocks;     /* blocks in use */
static unsigned capblocks;   /* blocks allocated */
/* Registration happens before main, but a library loaded later by
   dlopen() registers from whatever thread loads it. */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

void yc__register(const struct yc__coro_info *infos, unsigned n) {
    pthread_mutex_lock(&lock);
    if (nblocks == capblocks) {
        unsigned cap = capblocks ? capblocks * 2 : 16;
        struct block *b = realloc(blocks, cap * sizeof *b);
        if (!b) {
            /* Reports lose names; the program itself is unaffected. */
            pthread_mutex_unlock(&lock);
            return;
        }
        blocks = b;
        capblocks = cap;
    }
    blocks[nblocks].infos = infos;
    blocks[nblocks].n = n;
    nblocks++;
    pthread_mutex_unlock(&lock);
}

/* A linear search: lookups happen only when a report is printed. */
const struct yc__coro_info *yc__coro_lookup(yc__step_fn step) {
    const struct yc__coro_info *found = NULL;
    pthread_mutex_lock(&lock);
    for (unsigned b = 0; b < nblocks && !found; b++)
        for (unsigned i = 0; i < blocks[b].n; i++)
            if (blocks[b].infos[i].step == step) {
                found = &blocks[b].infos[i];
                break;
            }
    pthread_mutex_unlock(&lock);
    return found;
}
