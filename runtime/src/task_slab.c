/* task_slab.c - the memory of tasks: slabs that can be walked, so that a
   task needs no link to the others. Reports and the exit cleanup find
   every live task by walking the slabs (YC__TASK_LIVE marks a slot in
   use), which saves each idle micro-thread the 16 bytes of a list.

   A slab is one slot size (a task alone, or a task with its extension);
   its chunks are cut slot by slot, oldest chunk first in its list, and
   freed slots are reused through a free list. Chunks stay until the
   scheduler goes, so a stale handle always points at a slot of a task,
   live or not (task.h: yc__handle_check). */
#include "task.h"

#include <sys/mman.h>

/* The first chunk's bytes; later ones are bigger, as frame chunks are
   (frame.c): a million tasks take a few hundred. */
#define SLAB_CHUNK_BYTES 16384
#define SLAB_BIG_CHUNK_BYTES (16 * SLAB_CHUNK_BYTES)

struct yc__slab_chunk {
    struct yc__slab_chunk *next; /* the next newer chunk */
    char *end;                   /* the end of the slots cut so far */
    char slots[];                /* aligned as a task */
};

void *yc__slab_alloc(struct yc__sched_full *s, unsigned k) {
    struct yc__slab *sl = &s->slabs[k];
    void *p = sl->free;
    if (p) {
        sl->free = *(void **)p;
        return p;
    }
    struct yc__slab_chunk *ch = sl->last;
    if (!ch || (size_t)(sl->limit - ch->end) < sl->size) {
        size_t bytes =
            sl->nchunks < 8 ? SLAB_CHUNK_BYTES : SLAB_BIG_CHUNK_BYTES;
        ch = malloc(bytes);
        if (!ch)
            yc__oom("allocating a micro-thread");
        ch->next = NULL;
        ch->end = ch->slots;
        if (sl->last)
            sl->last->next = ch;
        else
            sl->first = ch;
        sl->last = ch;
        sl->limit = (char *)ch + bytes;
        sl->nchunks++;
    }
    p = ch->end;
    ch->end += sl->size;
    return p;
}

void yc__slab_free(struct yc__sched_full *s, unsigned k, void *p) {
    struct yc__slab *sl = &s->slabs[k];
    *(void **)p = sl->free;
    sl->free = p;
}

void yc__slab_init(struct yc__sched_full *s, unsigned k, unsigned size) {
    s->slabs[k] = (struct yc__slab){.size = size};
}

void yc__slab_destroy(struct yc__sched_full *s) {
    for (unsigned k = 0; k < YC__NSLABS; k++) {
        struct yc__slab *sl = &s->slabs[k];
        while (sl->first) {
            struct yc__slab_chunk *next = sl->first->next;
            free(sl->first);
            sl->first = next;
        }
        *sl = (struct yc__slab){.size = sl->size};
    }
}

struct yc_task *yc__task_iter_next(const struct yc__sched_full *s,
                                   struct yc__task_iter *it) {
    for (; it->k < YC__NSLABS; it->k++, it->started = 0) {
        const struct yc__slab *sl = &s->slabs[it->k];
        if (!it->started) {
            it->ch = sl->first;
            it->at = it->ch ? it->ch->slots : NULL;
            it->started = 1;
        }
        while (it->ch) {
            if (it->at < it->ch->end) {
                struct yc_task *t = (struct yc_task *)(void *)it->at;
                it->at += sl->size;
                if (t->abi.flags & YC__TASK_LIVE)
                    return t;
                continue;
            }
            it->ch = it->ch->next;
            it->at = it->ch ? it->ch->slots : NULL;
        }
    }
    return NULL;
}

/* Sorts a[0..n) by id: a heap sort, which needs no memory and no call
   that a signal handler may not make. */
static void sift(struct yc_task **a, size_t i, size_t n) {
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= n)
            return;
        if (c + 1 < n && a[c + 1]->abi.id > a[c]->abi.id)
            c++;
        if (a[i]->abi.id >= a[c]->abi.id)
            return;
        struct yc_task *t = a[i];
        a[i] = a[c];
        a[c] = t;
        i = c;
    }
}

struct yc__task_list yc__tasks_by_id(const struct yc__sched_full *s) {
    struct yc__task_list l = {NULL, 0, 0};
    struct yc__task_iter it = {0};
    size_t n = 0;
    while (yc__task_iter_next(s, &it))
        n++;
    if (!n)
        return l;
    /* mmap, not malloc: a dump may run in a signal handler. */
    size_t bytes = n * sizeof *l.t;
    void *m = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED)
        return l;
    l.t = m;
    l.bytes = bytes;
    it = (struct yc__task_iter){0};
    struct yc_task *t;
    while (l.n < n && (t = yc__task_iter_next(s, &it)) != NULL)
        l.t[l.n++] = t;
    for (size_t i = l.n / 2; i-- > 0;)
        sift(l.t, i, l.n);
    for (size_t e = l.n; e-- > 1;) {
        struct yc_task *x = l.t[0];
        l.t[0] = l.t[e];
        l.t[e] = x;
        sift(l.t, 0, e);
    }
    return l;
}

void yc__tasks_done(struct yc__task_list *l) {
    if (l->t)
        munmap(l->t, l->bytes);
    *l = (struct yc__task_list){NULL, 0, 0};
}
