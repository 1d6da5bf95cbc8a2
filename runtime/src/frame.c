/* frame.c - the per-thread frame pool: the slow paths behind the inline
   yc__frame_alloc/yc__frame_free of yieldc/abi.h. */
#include "sched.h"

#include <stdio.h>
#include <stdlib.h>

/* Chunks are carved into frames of one size class; 16 KiB keeps a chunk
   small for programs with few coroutines and amortises malloc for many. */
#define CHUNK_BYTES 16384

static void out_of_memory(unsigned size) {
    fprintf(stderr, "yieldc: out of memory allocating a %u-byte frame\n",
            size);
    abort();
}

void *yc__frame_alloc_slow(struct yc__sched *s, unsigned size) {
    unsigned c = (size + 15) >> 4;
    struct yc__frame *f;
    if (YC__NO_POOL || c >= YC__FRAME_CLASSES) {
        f = malloc(size);
        if (!f)
            out_of_memory(size);
        f->size = size;
        return f;
    }
    /* Carve a chunk into frames of this class and take the first. */
    unsigned fsize = c << 4;
    struct yc__sched_full *full = yc__full(s);
    struct yc__chunk *ch = malloc(CHUNK_BYTES);
    if (!ch)
        out_of_memory(size);
    ch->next = full->chunks;
    full->chunks = ch;
    char *p = (char *)ch + 16, *end = (char *)ch + CHUNK_BYTES;
    f = (struct yc__frame *)p;
    for (p += fsize; p + fsize <= end; p += fsize) {
        *(void **)p = s->pool[c];
        s->pool[c] = p;
    }
    f->size = size;
    return f;
}

void yc__frame_free_slow(struct yc__sched *s, struct yc__frame *f) {
    (void)s;
    free(f);
}

void yc__frame_free_chain(struct yc__sched *s, struct yc__frame *f) {
    while (f) {
        struct yc__frame *caller = f->caller;
        yc__frame_free(s, f);
        f = caller;
    }
}

void yc__frame_pool_destroy(struct yc__sched *s) {
    struct yc__sched_full *full = yc__full(s);
    while (full->chunks) {
        struct yc__chunk *next = full->chunks->next;
        free(full->chunks);
        full->chunks = next;
    }
    for (unsigned c = 0; c < YC__FRAME_CLASSES; c++)
        s->pool[c] = NULL;
}
