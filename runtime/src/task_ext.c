/* task_ext.c - where the extension of a task that got one late lives.

   A joinable or SYNC task has its extension in the same slab slot, right
   after it (YC__TASK_EXT_INLINE); a detached task gets one only when a
   feature first asks for it (a deadline scope, a group it opens, a select
   on it), and then finds it in this table of its scheduler
   (YC__TASK_EXT_SIDE). So no task carries a pointer to an extension it
   rarely has. The table is open addressing on the task's address, with
   linear probing and deletion by moving later entries back, so that a
   lookup (which a dump may make from a signal handler) only reads. */
#include "task.h"

static size_t slot_of(const struct yc_task *t, unsigned cap) {
    return (size_t)(((uintptr_t)t >> 3) * 0x9e3779b97f4a7c15u) & (cap - 1);
}

struct yc__task_ext *yc__ext_side(const struct yc_task *t) {
    const struct yc__sched_full *s = yc__sched_owner();
    const struct yc__ext_table *tb = &s->ext_side;
    for (size_t i = slot_of(t, tb->cap);; i = (i + 1) & (tb->cap - 1)) {
        yc_assert(tb->v[i].t); /* the flag says it is here */
        if (tb->v[i].t == t)
            return tb->v[i].e;
    }
}

static void put(struct yc__ext_table *tb, const struct yc_task *t,
                struct yc__task_ext *e) {
    size_t i = slot_of(t, tb->cap);
    while (tb->v[i].t)
        i = (i + 1) & (tb->cap - 1);
    tb->v[i].t = t;
    tb->v[i].e = e;
    tb->n++;
}

void yc__ext_side_put(struct yc__sched_full *s, struct yc_task *t,
                      struct yc__task_ext *e) {
    struct yc__ext_table *tb = &s->ext_side;
    if (2 * (tb->n + 1) > tb->cap) { /* at most half full */
        struct yc__ext_table old = *tb;
        tb->cap = old.cap ? 2 * old.cap : 64;
        tb->v = calloc(tb->cap, sizeof *tb->v);
        if (!tb->v)
            yc__oom("extending a micro-thread");
        tb->n = 0;
        for (unsigned i = 0; i < old.cap; i++)
            if (old.v[i].t)
                put(tb, old.v[i].t, old.v[i].e);
        free(old.v);
    }
    put(tb, t, e);
    t->abi.flags |= YC__TASK_EXT_SIDE;
}

void yc__ext_side_del(struct yc__sched_full *s, struct yc_task *t) {
    struct yc__ext_table *tb = &s->ext_side;
    size_t i = slot_of(t, tb->cap);
    while (tb->v[i].t != t)
        i = (i + 1) & (tb->cap - 1);
    /* Moves back each later entry of the run that would no longer be
       found past the hole. */
    for (size_t j = (i + 1) & (tb->cap - 1); tb->v[j].t;
         j = (j + 1) & (tb->cap - 1)) {
        size_t home = slot_of(tb->v[j].t, tb->cap);
        if (((j - home) & (tb->cap - 1)) >= ((j - i) & (tb->cap - 1))) {
            tb->v[i] = tb->v[j];
            i = j;
        }
    }
    tb->v[i].t = NULL;
    tb->v[i].e = NULL;
    tb->n--;
    t->abi.flags &= ~YC__TASK_EXT_SIDE;
}

void yc__ext_side_destroy(struct yc__sched_full *s) {
    free(s->ext_side.v);
    s->ext_side = (struct yc__ext_table){NULL, 0, 0};
}
