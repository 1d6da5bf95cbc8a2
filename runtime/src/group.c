/* group.c - task groups (nurseries): a set of tasks that a coroutine
   waits for as a whole, with the first failure optionally cancelling the
   rest, and cancellation flowing from the group's owner to its
   children. */
#include "prim.h"

#include <string.h>

/* Puts g on its owner's list of open groups, so that cancelling the
   owner cancels g's children. A group is on the list only while it has
   children: one dropped empty (a coroutine that opened it and returned
   early) leaves nothing that points at its storage. */
static void link_owner(yc_group *g) {
    struct yc_task *o = g->yc__owner;
    if (!o || (g->yc__flags & YC__GROUP_LINKED))
        return;
    struct yc__task_ext *e = yc__task_ext_get(yc__sched_peek(), o);
    g->yc__prev = NULL;
    g->yc__next = e->groups;
    if (e->groups)
        e->groups->yc__prev = g;
    e->groups = g;
    g->yc__flags |= YC__GROUP_LINKED;
}

static void unlink_owner(yc_group *g) {
    if (!(g->yc__flags & YC__GROUP_LINKED))
        return;
    if (g->yc__prev)
        g->yc__prev->yc__next = g->yc__next;
    else
        yc__ext(g->yc__owner)->groups = g->yc__next;
    if (g->yc__next)
        g->yc__next->yc__prev = g->yc__prev;
    g->yc__flags &= ~YC__GROUP_LINKED;
}

void yc_group_init(yc_group *g, unsigned flags) {
    memset(g, 0, sizeof *g);
    g->yc__flags = flags & YC_GROUP_FAIL_FAST;
    g->yc__owner = yc__cur(yc__sched_get());
}

unsigned yc_group_size(const yc_group *g) { return g->yc__count; }

void yc__group_cancel_children(yc_group *g) {
    for (struct yc_task *c = g->yc__children; c; c = yc__ext(c)->sib_next)
        yc__task_cancel(c);
}

void yc_group_cancel(yc_group *g) {
    g->yc__flags |= YC__GROUP_CANCELLED;
    yc__group_cancel_children(g);
}

int yc_group_add(yc_group *g, yc_task *h) {
    struct yc_task *t =
        yc__handle_or_null(yc__full(yc__sched_get()), h, "yc_group_add");
    struct yc__task_ext *e = t ? yc__ext(t) : NULL;
    if (!e ||
        (t->abi.flags &
         (YC__TASK_DETACHED | YC__TASK_SYNC | YC__TASK_JOINING)) ||
        e->up.group || (e->ret_size != 0 && e->ret_size != sizeof(int)))
        return YC_EINVAL;
    link_owner(g);
    e->up.group = g;
    e->sib_next = NULL;
    e->sib_prev = g->yc__last;
    if (g->yc__last)
        yc__ext(g->yc__last)->sib_next = t;
    else
        g->yc__children = t;
    g->yc__last = t;
    g->yc__count++;
    if (t->abi.flags & YC__TASK_DONE) {
        yc__group_child_done(yc__full(yc__sched_get()), t);
        return 0;
    }
    struct yc_task *o = g->yc__owner;
    if ((g->yc__flags & YC__GROUP_CANCELLED) ||
        (o && (o->abi.flags & YC__TASK_CANCELLED)))
        yc__task_cancel(t);
    return 0;
}

void yc__group_child_done(struct yc__sched_full *s, struct yc_task *t) {
    struct yc__task_ext *e = yc__ext(t);
    yc_group *g = e->up.group;
    if (e->ret_size == sizeof(int)) {
        int r;
        memcpy(&r, (char *)t->abi.top + e->ret_offset, sizeof r);
        if (r < 0 && g->yc__err == 0) {
            g->yc__err = r;
            if (g->yc__flags & YC_GROUP_FAIL_FAST)
                yc_group_cancel(g);
        }
    }
    if (e->sib_prev)
        yc__ext(e->sib_prev)->sib_next = e->sib_next;
    else
        g->yc__children = e->sib_next;
    if (e->sib_next)
        yc__ext(e->sib_next)->sib_prev = e->sib_prev;
    else
        g->yc__last = e->sib_prev;
    g->yc__count--;
    yc__task_free(s, t);
    if (g->yc__count == 0) {
        unlink_owner(g);
        yc__wq_wake_all(s, &g->yc__waiters, 0);
    }
}

/* ------------------------------------------------------------------ */
/* Waiting for a group                                                 */
/* ------------------------------------------------------------------ */

struct yc__yc_group_wait_args {
    yc_group *g;      /* the group */
    int64_t deadline; /* when to cancel the children */
};
struct group_wait_frame {
    struct yc__prim p;
    struct yc__yc_group_wait_args a;
    struct yc__wlink link; /* in g->yc__waiters */
    int err;               /* why the children were cancelled, or 0 */
};

/* The group is empty: reset it for reuse and return. */
static int finish(struct group_wait_frame *f) {
    yc_group *g = f->a.g;
    int rc = f->err ? f->err : g->yc__err;
    g->yc__err = 0;
    g->yc__flags &= ~YC__GROUP_CANCELLED;
    unlink_owner(g);
    return yc__prim_done(&f->p, rc);
}

/* State 1 waits for the children with the deadline; if it or a
   cancellation comes first, the children are cancelled and state 2 waits
   for them regardless, so that none outlives the call. */
static int group_wait_run(struct group_wait_frame *f, struct yc__sched *s) {
    yc_group *g = f->a.g;
    switch (f->p.hdr.state) {
    case 0:
        f->err = yc__checkpoint(s);
        if (!f->err) {
            if (g->yc__count == 0)
                return finish(f);
            yc__prim_queue(&f->p, &g->yc__waiters, &f->link, NULL, g);
            if (yc__prim_block(s, &f->p, 1, f->a.deadline) == YC__SUSPENDED)
                return YC__SUSPENDED;
            f->err = f->p.ret;
        }
        break;
    case 1:
        f->err = f->p.wait.result;
        if (!f->err)
            return finish(f);
        break;
    default:
        return finish(f);
    }
    yc_group_cancel(g);
    if (g->yc__count == 0)
        return finish(f);
    yc__prim_queue(&f->p, &g->yc__waiters, &f->link, NULL, g);
    return yc__prim_block_shielded(s, &f->p, 2);
}

YC__PRIMITIVE(yc_group_wait, struct group_wait_frame, group_wait_run,
              (yc_group * g, int64_t deadline), (g, deadline))
