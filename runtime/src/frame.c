/* frame.c - the per-thread frame pool: the slow paths behind the inline
   yc__frame_alloc/yc__frame_free of yieldc/abi.h. */
#include "sched.h"

#include <stdio.h>
#include <stdlib.h>

/* Chunks are carved into frames of one size class; 16 KiB keeps a chunk
   small for programs with few coroutines and amortises malloc for many.
   Past SMALL_CHUNKS chunks the program evidently runs many coroutines
   (a million sleeping tasks need thousands of chunks), and chunks grow to
   BIG_CHUNK_BYTES, so that malloc is called a sixteenth as often. */
#define CHUNK_BYTES 16384
#define BIG_CHUNK_BYTES (16 * CHUNK_BYTES)
#define SMALL_CHUNKS 64

static void out_of_memory(unsigned size) {
    fprintf(stderr, "yieldc: out of memory allocating a %u-byte frame\n", size);
    abort();
}

void *yc__frame_alloc_slow(struct yc__sched *s, unsigned size) {
    unsigned c = (size + 7) >> 3;
    struct yc__frame *f;
    if (YC__NO_POOL || c >= YC__FRAME_CLASSES) {
        f = malloc((size_t)c << 3);
        if (!f)
            out_of_memory(size);
        f->size = c << 3;
        return f;
    }
    /* The class's free list is empty: cut the frame from the class's
       current chunk, taking a new chunk when it is used up. Cutting frames
       one at a time, rather than threading a whole new chunk onto the free
       list, touches memory only when it is first used: a million tasks
       going to sleep fault their pages in once. */
    unsigned fsize = c << 3;
    struct yc__sched_full *full = yc__full(s);
    if (!full->bump[c] || (size_t)(full->bump_end[c] - full->bump[c]) < fsize) {
        size_t bytes =
            full->nchunks < SMALL_CHUNKS ? CHUNK_BYTES : BIG_CHUNK_BYTES;
        struct yc__chunk *ch = malloc(bytes);
        if (!ch)
            out_of_memory(size);
        ch->next = full->chunks;
        full->chunks = ch;
        full->nchunks++;
        full->bump[c] = (char *)ch + 16;
        full->bump_end[c] = (char *)ch + bytes;
    }
    f = (struct yc__frame *)(void *)full->bump[c];
    full->bump[c] += fsize;
    f->size = fsize;
    return f;
}

void yc__frame_free_slow(struct yc__sched *s, struct yc__frame *f) {
    (void)s;
    free(f);
}

void yc__frame_free_chain(struct yc__sched *s, struct yc__frame *f) {
    while (f) {
        struct yc__frame *caller = yc__frame_caller(f);
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
    full->nchunks = 0;
    for (unsigned c = 0; c < YC__FRAME_CLASSES; c++) {
        s->pool[c] = NULL;
        full->bump[c] = full->bump_end[c] = NULL;
    }
}
