/* task.c - tasks: their life cycle, starting them (spawn, async),
   and the deadline scopes of a task. */
#include "prim.h"
#include "threads.h"

#include <string.h>

/* ------------------------------------------------------------------ */
/* Life cycle                                                          */
/* ------------------------------------------------------------------ */

/* A task and its extension in one slot. */
struct task_with_ext {
    struct yc_task t;
    struct yc__task_ext ext;
};
_Static_assert(offsetof(struct task_with_ext, ext) == sizeof(struct yc_task),
               "yc__ext finds the extension right after the task");

static void ext_init(struct yc__task_ext *e) { *e = (struct yc__task_ext){0}; }

void yc__task_slabs_init(struct yc__sched_full *s) {
    yc__slab_init(s, YC__SLAB_TASK, sizeof(struct yc_task));
    yc__slab_init(s, YC__SLAB_TASK_EXT, sizeof(struct task_with_ext));
}

struct yc_task *yc__task_new(struct yc__sched_full *s, struct yc__frame *f,
                             unsigned flags) {
    struct yc_task *t;
    if (flags & YC__TASK_DETACHED) {
        t = yc__slab_alloc(s, YC__SLAB_TASK);
    } else {
        struct task_with_ext *te = yc__slab_alloc(s, YC__SLAB_TASK_EXT);
        t = &te->t;
        ext_init(&te->ext);
        flags |= YC__TASK_EXT_INLINE;
    }
    t->abi.link.yc__next = t->abi.link.yc__prev = NULL;
    t->abi.top = f;
    t->abi.flags = flags | YC__TASK_LIVE;
    t->abi.id = s->next_id++;
    s->ntasks++;
    return t;
}

struct yc__task_ext *yc__task_ext_get(struct yc__sched_full *s,
                                      struct yc_task *t) {
    struct yc__task_ext *e = yc__ext(t);
    if (YC__UNLIKELY(!e)) {
        e = yc__pool_alloc(s, sizeof *e);
        ext_init(e);
        yc__ext_side_put(s, t, e);
    }
    return e;
}

static void drop_scopes(struct yc__sched_full *s, struct yc_task *t) {
    if (!(t->abi.flags & YC__TASK_SCOPED))
        return;
    struct yc__task_ext *e = yc__ext(t);
    while (e->scope) {
        struct yc__scope *sc = e->scope;
        e->scope = sc->outer;
        sc->outer = s->free_scopes;
        s->free_scopes = sc;
    }
    t->abi.flags &= ~YC__TASK_SCOPED;
}

void yc__task_release(struct yc__sched_full *s, struct yc_task *t) {
    drop_scopes(s, t);
    t->abi.flags &= ~YC__TASK_LIVE; /* its handles are stale from now on */
    if (t->abi.flags & YC__TASK_EXT_INLINE) {
        yc__slab_free(s, YC__SLAB_TASK_EXT, t);
        return;
    }
    if (t->abi.flags & YC__TASK_EXT_SIDE) {
        yc__pool_free(s, yc__ext(t), sizeof(struct yc__task_ext));
        yc__ext_side_del(s, t);
    }
    yc__slab_free(s, YC__SLAB_TASK, t);
}

void yc__task_free(struct yc__sched_full *s, struct yc_task *t) {
    yc__frame_free(&s->abi, t->abi.top);
    yc__task_release(s, t);
}

/* The name of the coroutine a finished task ran: its root frame is its
   top one then. */
static const char *finished_name(const struct yc_task *t) {
    const struct yc__coro_info *info = yc__coro_lookup(t->abi.top->resume);
    return info ? info->name : "?";
}

/* A task whose coroutine returned while a group it opened still has
   children would leave them pointing at a group that no longer exists.
   Only groups with children are on the list (group.c), and the group's
   storage may be gone by now, so it is not read. */
static void check_groups(struct yc_task *t) {
    fprintf(stderr,
            "yieldc: task %u (%s) returned without waiting for its group, "
            "whose tasks are still running (await yc_group_wait)\n",
            t->abi.id, finished_name(t));
    abort();
}

void yc__task_finished(struct yc__sched_full *s, struct yc_task *t) {
    t->abi.flags |= YC__TASK_DONE;
    s->ntasks--;
    drop_scopes(s, t);
    struct yc__task_ext *e = yc__ext(t);
    if (e) {
        if (e->groups)
            check_groups(t);
        if (YC__UNLIKELY(t->abi.flags & YC__TASK_TWIN)) {
            yc__twin_finished(s, t); /* the proxy, at home, does the rest */
            return;
        }
        if (!yc__wq_empty(&e->joiners))
            yc__wq_wake_all(s, &e->joiners, 0);
    }
    if (t->abi.flags & YC__TASK_SYNC)
        return;
    if (e && e->up.group)
        yc__group_child_done(s, t);
    else if (t->abi.flags & YC__TASK_DETACHED)
        yc__task_free(s, t);
}

void yc__task_destroy_all(struct yc__sched_full *s) {
    struct yc__task_iter it = {0};
    struct yc_task *t;
    while ((t = yc__task_iter_next(s, &it)) != NULL) {
        yc__wait_drop(s, t);
        struct yc__frame *f = t->abi.top;
        if (t->abi.flags & YC__TASK_SPREAD) {
            /* The root frame is the twin's to free once it has one. */
            if (!yc__proxy_drop(s, t))
                f = NULL;
        } else if (t->abi.flags & YC__TASK_TWIN) {
            /* The root frame is the proxy's. */
            while (f && yc__frame_caller(f)) {
                struct yc__frame *caller = yc__frame_caller(f);
                yc__frame_free(&s->abi, f);
                f = caller;
            }
            f = NULL;
        }
        yc__frame_free_chain(&s->abi, f);
        yc__task_release(s, t);
    }
    yc__slab_destroy(s);
    while (s->free_scopes) {
        struct yc__scope *sc = s->free_scopes;
        s->free_scopes = sc->outer;
        free(sc);
    }
    s->head = s->tail = NULL;
    s->abi.busy -= s->nready;
    s->nready = 0;
}

/* ------------------------------------------------------------------ */
/* Starting tasks (generated code)                                     */
/* ------------------------------------------------------------------ */

void yc__spawn(struct yc__sched *abi, struct yc__frame *f) {
    struct yc__sched_full *s = yc__full(abi);
    if (YC__UNLIKELY(s->placed) && yc__spread(s, f, YC__TASK_DETACHED, NULL))
        return;
    struct yc_task *t = yc__task_new(s, f, YC__TASK_DETACHED);
    yc__enqueue(s, &t->abi);
}

struct yc_task *yc__async(struct yc__sched *abi, struct yc__frame *f,
                          size_t ret_offset, size_t ret_size) {
    struct yc__sched_full *s = yc__full(abi);
    struct yc_task *t = NULL;
    int here = !YC__UNLIKELY(s->placed) || !yc__spread(s, f, 0, &t);
    if (here)
        t = yc__task_new(s, f, 0);
    struct yc__task_ext *e = yc__ext(t);
    e->ret_offset = (unsigned)ret_offset;
    e->ret_size = (unsigned)ret_size;
    if (here)
        yc__enqueue(s, &t->abi);
    return yc__handle_of(s, t);
}

/* ------------------------------------------------------------------ */
/* Cancellation and deadline scopes                                    */
/* ------------------------------------------------------------------ */

int yc__checkpoint_slow(struct yc__sched *abi) {
    struct yc_task *t = yc__cur(abi);
    if (t->abi.flags & YC__TASK_CANCELLED)
        return YC_ECANCELED;
    int64_t d = yc__scope_deadline(t);
    if (d >= 0 && d <= yc__now(yc__full(abi))) {
        yc__scope_fire(t, d);
        return YC_ETIMEDOUT;
    }
    return 0;
}

void yc__scope_fire(struct yc_task *t, int64_t d) {
    struct yc__scope *hit = NULL;
    if (!(t->abi.flags & YC__TASK_SCOPED))
        return;
    for (struct yc__scope *sc = yc__ext(t)->scope; sc; sc = sc->outer)
        if (sc->own == d)
            hit = sc;
    if (hit)
        hit->fired = 1;
}

int yc_deadline_push(int64_t deadline) {
    struct yc__sched_full *s = yc__full(yc__sched_get());
    struct yc_task *t = yc__cur(&s->abi);
    if (!t)
        return YC_EINVAL;
    struct yc__task_ext *e = yc__task_ext_get(s, t);
    struct yc__scope *sc = s->free_scopes;
    if (sc) {
        s->free_scopes = sc->outer;
    } else {
        sc = malloc(sizeof *sc);
        if (!sc)
            return YC_ENOMEM;
    }
    sc->outer = e->scope;
    sc->own = deadline < 0 ? -1 : deadline;
    sc->eff = yc__deadline_min(sc->own, yc__scope_deadline(t));
    sc->fired = 0;
    e->scope = sc;
    t->abi.flags |= YC__TASK_SCOPED;
    return 0;
}

int yc_deadline_pop(void) {
    struct yc__sched_full *s = yc__full(yc__sched_get());
    struct yc_task *t = yc__cur(&s->abi);
    if (!t || !(t->abi.flags & YC__TASK_SCOPED))
        return YC_EINVAL;
    struct yc__task_ext *e = yc__ext(t);
    struct yc__scope *sc = e->scope;
    int rc = sc->fired ? YC_ETIMEDOUT : 0;
    e->scope = sc->outer;
    if (!sc->outer)
        t->abi.flags &= ~YC__TASK_SCOPED;
    sc->outer = s->free_scopes;
    s->free_scopes = sc;
    return rc;
}

int64_t yc_deadline(void) {
    return yc__scope_deadline(yc__cur(yc__sched_get()));
}
