/* handle.c - what a program does with a yc_task handle: join it (a
   blocking call, so a primitive), detach it, cancel it, ask about it. */
#include "prim.h"

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

static int join_run(struct join_frame *f, struct yc__sched *s) {
    struct yc_task *t = f->a.t;
    if (f->p.hdr.state == 0) {
        if (!t || (t->abi.flags & (YC__TASK_DETACHED | YC__TASK_SYNC)) ||
            !t->ext || t->ext->up.group ||
            (f->a.result && f->a.size != t->ext->ret_size))
            return yc__prim_done(&f->p, YC_EINVAL);
        if (t == yc__cur(s))
            return yc__prim_done(&f->p, YC_EDEADLK);
        if (t->abi.flags & YC__TASK_JOINING)
            return yc__prim_done(&f->p, YC_EBUSY);
        int rc = yc__checkpoint(s);
        if (rc)
            return yc__prim_done(&f->p, rc);
        if (!(t->abi.flags & YC__TASK_DONE)) {
            yc__prim_queue(&f->p, &t->ext->joiners, &f->link, NULL, t);
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
    if (f->a.result && t->ext->ret_size)
        memcpy(f->a.result, (char *)t->abi.top + t->ext->ret_offset,
               t->ext->ret_size);
    yc__task_free(yc__full(s), t);
    return yc__prim_done(&f->p, 0);
}

YC__PRIMITIVE(yc_task_join, struct join_frame, join_run,
              (yc_task * t, void *result, size_t size, int64_t deadline),
              (t, result, size, deadline))

void yc_task_detach(yc_task *t) {
    if (!t)
        return;
    yc_assert(!(t->abi.flags & (YC__TASK_JOINING | YC__TASK_SYNC)));
    if (t->abi.flags & YC__TASK_DONE)
        yc__task_free(yc__full(yc__sched_get()), t);
    else
        t->abi.flags |= YC__TASK_DETACHED;
}

void yc_task_cancel(yc_task *t) {
    if (!t || (t->abi.flags & (YC__TASK_DONE | YC__TASK_CANCELLED)))
        return;
    t->abi.flags |= YC__TASK_CANCELLED;
    yc__wait_cancel(yc__full(yc__sched_get()), t);
    for (yc_group *g = t->ext ? t->ext->groups : NULL; g; g = g->yc__next)
        yc__group_cancel_children(g);
}

int yc_task_done(const yc_task *t) {
    return (t->abi.flags & YC__TASK_DONE) != 0;
}

int yc_task_cancelled(const yc_task *t) {
    return (t->abi.flags & YC__TASK_CANCELLED) != 0;
}

unsigned yc_task_id(const yc_task *t) { return t->abi.id; }

yc_task *yc_task_current(void) { return yc__cur(yc__sched_get()); }
