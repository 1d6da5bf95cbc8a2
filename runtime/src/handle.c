/* handle.c - what a program does with a yc_task handle: join it (a
   blocking call, so a primitive), detach it, cancel it, ask about it. */
#include "prim.h"
#include "threads.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct yc__yc_task_join_args {
    yc_task *t;       /* the task to join */
    void *result;     /* where its result goes, or NULL */
    size_t size;      /* the result's size */
    int64_t deadline; /* when to give up */
};
struct join_frame {
    struct yc__prim p;
    struct yc__yc_task_join_args a;
    struct yc__wlink link; /* in t->joiners */
};

/* Reads a handle's task without AddressSanitizer: under it, the task of
   a stale handle was freed to malloc, and this read is what finds out. */
static YC__NO_ASAN int handle_ok(const struct yc_task *t, unsigned tag,
                                 unsigned salt, int tagged) {
    if (!(t->abi.flags & YC__TASK_LIVE))
        return 0;
    return !tagged || yc__handle_tag(t, salt) == tag;
}

struct yc_task *yc__handle_check_slow(const yc_task *h, const char *fn) {
    uintptr_t a = (uintptr_t)h;
    unsigned tag = (unsigned)(a >> YC__HANDLE_SHIFT);
    struct yc_task *t =
        (struct yc_task *)(a & (((uintptr_t)1 << YC__HANDLE_SHIFT) - 1));
    struct yc__sched_full *s = yc__full(yc__sched_get());
    if (YC__LIKELY(handle_ok(t, tag, s->salt, tag != 0)))
        return t;
    fprintf(stderr,
            "yieldc: %s: task handle %p is stale or foreign: its task was "
            "joined, or finished after being detached, or belongs to another "
            "thread's scheduler\n",
            fn, (const void *)h);
    abort();
}

static int join_run(struct join_frame *f, struct yc__sched *s) {
    struct yc_task *t = f->a.t;
    if (f->p.hdr.state == 0) {
        t = f->a.t = yc__handle_or_null(yc__full(s), t, "yc_task_join");
        const struct yc__task_ext *e = t ? yc__ext(t) : NULL;
        if (!e || (t->abi.flags & (YC__TASK_DETACHED | YC__TASK_SYNC)) ||
            e->up.group || (f->a.result && f->a.size != e->ret_size))
            return yc__prim_done(&f->p, YC_EINVAL);
        if (t == yc__cur(s))
            return yc__prim_done(&f->p, YC_EDEADLK);
        if (t->abi.flags & YC__TASK_JOINING)
            return yc__prim_done(&f->p, YC_EBUSY);
        int rc = yc__checkpoint(s);
        if (rc)
            return yc__prim_done(&f->p, rc);
        if (!(t->abi.flags & YC__TASK_DONE)) {
            yc__prim_queue(&f->p, &yc__ext(t)->joiners, &f->link, NULL, t);
            f->p.wait.obj_task = 1;
            rc = yc__prim_block(s, &f->p, 1, f->a.deadline);
            if (rc == YC__SUSPENDED)
                t->abi.flags |= YC__TASK_JOINING;
            return rc;
        }
    } else {
        t->abi.flags &= ~YC__TASK_JOINING;
        if (f->p.wait.result)
            return yc__prim_done(&f->p, f->p.wait.result);
    }
    const struct yc__task_ext *e = yc__ext(t);
    if (f->a.result && e->ret_size)
        memcpy(f->a.result, (char *)t->abi.top + e->ret_offset, e->ret_size);
    yc__task_free(yc__full(s), t);
    return yc__prim_done(&f->p, 0);
}

YC__PRIMITIVE(yc_task_join, struct join_frame, join_run,
              (yc_task * t, void *result, size_t size, int64_t deadline),
              (t, result, size, deadline))

void yc_task_detach(yc_task *h) {
    if (!h)
        return;
    struct yc__sched_full *s = yc__full(yc__sched_get());
    struct yc_task *t = yc__handle_check(s, h, "yc_task_detach");
    yc_assert(!(t->abi.flags & (YC__TASK_JOINING | YC__TASK_SYNC)));
    if (t->abi.flags & YC__TASK_DONE)
        yc__task_free(s, t);
    else
        t->abi.flags |= YC__TASK_DETACHED;
}

void yc_task_cancel(yc_task *h) {
    if (h)
        yc__task_cancel(
            yc__handle_check(yc__full(yc__sched_get()), h, "yc_task_cancel"));
}

void yc__task_cancel(struct yc_task *t) {
    if (t->abi.flags & (YC__TASK_DONE | YC__TASK_CANCELLED))
        return;
    t->abi.flags |= YC__TASK_CANCELLED;
    if (YC__UNLIKELY(t->abi.flags & YC__TASK_SPREAD)) {
        yc__proxy_cancel(yc__full(yc__sched_get()), t);
        return; /* the twin cancels its own groups */
    }
    yc__wait_cancel(yc__full(yc__sched_get()), t);
    const struct yc__task_ext *e = yc__ext(t);
    for (yc_group *g = e ? e->groups : NULL; g; g = g->yc__next)
        yc__group_cancel_children(g);
}

int yc_task_done(const yc_task *h) {
    return (yc__handle_check(yc__full(yc__sched_get()), h, "yc_task_done")
                ->abi.flags &
            YC__TASK_DONE) != 0;
}

int yc_task_cancelled(const yc_task *h) {
    return (yc__handle_check(yc__full(yc__sched_get()), h, "yc_task_cancelled")
                ->abi.flags &
            YC__TASK_CANCELLED) != 0;
}

unsigned yc_task_id(const yc_task *h) {
    return yc__handle_check(yc__full(yc__sched_get()), h, "yc_task_id")->abi.id;
}

yc_task *yc_task_current(void) {
    struct yc__sched *s = yc__sched_get();
    return yc__handle_of(yc__full(s), yc__cur(s));
}
