/* select.c - yc_select: the first of several channel operations and
   waits (event, future, task) to complete.

   The call first tries each operation in array order and performs the
   first that can complete. Otherwise it queues one link per operation
   (the links live at the end of its frame) and blocks; whoever completes
   one of them does so through that link, and waking the call takes all
   the other links out of their queues, so exactly one operation takes
   effect. */
#include "chan.h"
#include "future.h"
#include "prim.h"

struct yc__yc_select_args {
    struct yc_select_op *ops; /* the operations */
    unsigned n;               /* how many */
    int64_t deadline;         /* when to give up */
};
struct select_frame {
    struct yc__prim p;
    struct yc__yc_select_args a;
    unsigned nfutures;        /* future operations, counted as external */
    struct yc__wlink links[]; /* links[i] for ops[i] */
};

/* Whether op's kind is one of the enum's. */
static int known(const struct yc_select_op *op) {
    return op->kind >= YC_SELECT_SEND && op->kind <= YC_SELECT_OFF;
}

/* The object of op, or NULL if op is switched off. */
static void *object(const struct yc_select_op *op) {
    switch (op->kind) {
    case YC_SELECT_SEND:
    case YC_SELECT_RECV:
        return op->on.chan;
    case YC_SELECT_EVENT:
        return op->on.event;
    case YC_SELECT_FUTURE:
        return op->on.future;
    case YC_SELECT_TASK:
        return op->on.task;
    default:
        return NULL;
    }
}

/* Whether op is on a shared channel or event, which yc_select does not
   take (shared.h). */
static int shared(const struct yc_select_op *op) {
    if ((op->kind == YC_SELECT_SEND || op->kind == YC_SELECT_RECV) &&
        op->on.chan)
        return YC__SHARED(op->on.chan);
    if (op->kind == YC_SELECT_EVENT && op->on.event)
        return YC__SHARED(op->on.event);
    return 0;
}

/* The outcome of a completed future operation. */
static int future_result(struct yc_select_op *op) {
    if (op->elem)
        *(void **)op->elem = op->on.future->value;
    return op->on.future->result;
}

/* Performs op if it can complete now: returns 1 with its outcome in
   op->result, else 0. */
static int try_op(struct yc_select_op *op) {
    int rc;
    if (!object(op))
        return 0;
    switch (op->kind) {
    case YC_SELECT_SEND:
        rc = yc_chan_try_send(op->on.chan, op->elem);
        if (rc == YC_EAGAIN)
            return 0;
        break;
    case YC_SELECT_RECV:
        rc = yc_chan_try_recv(op->on.chan, op->elem);
        if (rc == YC_EAGAIN)
            return 0;
        break;
    case YC_SELECT_EVENT:
        if (!op->on.event->yc__set)
            return 0;
        rc = 0;
        break;
    case YC_SELECT_FUTURE:
        if (!yc__future_resolved(op->on.future))
            return 0;
        rc = future_result(op);
        break;
    default:
        if (!yc_task_done(op->on.task))
            return 0;
        rc = 0;
        break;
    }
    op->result = rc;
    return 1;
}

/* Queues the link of operation i (an operation switched off waits in no
   queue: its link stays out of any). */
static void queue_op(struct select_frame *f, unsigned i) {
    struct yc_select_op *op = &f->a.ops[i];
    struct yc__wait *w = &f->p.wait;
    struct yc__wq *q;
    if (!object(op)) {
        f->links[i].q = NULL;
        return;
    }
    switch (op->kind) {
    case YC_SELECT_SEND:
        q = &op->on.chan->senders;
        break;
    case YC_SELECT_RECV:
        q = &op->on.chan->receivers;
        break;
    case YC_SELECT_EVENT:
        q = &op->on.event->yc__selects;
        break;
    case YC_SELECT_FUTURE:
        q = &op->on.future->waiters;
        f->nfutures++;
        break;
    default:
        q = &yc__task_ext_get(yc__full(yc__sched_get()),
                              yc__handle_check(yc__full(yc__sched_get()),
                                               op->on.task, "yc_select"))
                 ->joiners;
        break;
    }
    yc__wq_push(q, &f->links[i], w, op->elem);
}

static int select_run(struct select_frame *f, struct yc__sched *abi) {
    struct yc__sched_full *s = yc__full(abi);
    struct yc_select_op *ops = f->a.ops;
    if (f->p.hdr.state != 0) {
        s->nexternal -= f->nfutures;
        int i = f->p.wait.index;
        if (i < 0)
            return yc__prim_done(&f->p, f->p.wait.result);
        ops[i].result = ops[i].kind == YC_SELECT_FUTURE ? future_result(&ops[i])
                                                        : f->p.wait.result;
        return yc__prim_done(&f->p, i);
    }
    void *first = NULL; /* the first object, for reports */
    for (unsigned i = 0; i < f->a.n; i++) {
        if (!known(&ops[i]) ||
            (ops[i].kind == YC_SELECT_FUTURE && ops[i].on.future &&
             ops[i].on.future->owner != s) ||
            shared(&ops[i]))
            return yc__prim_done(&f->p, YC_EINVAL);
        first = first ? first : object(&ops[i]);
    }
    int rc = yc__checkpoint(abi);
    if (rc)
        return yc__prim_done(&f->p, rc);
    for (unsigned i = 0; i < f->a.n; i++)
        if (try_op(&ops[i]))
            return yc__prim_done(&f->p, (int)i);
    f->nfutures = 0;
    f->p.wait.links = f->links;
    f->p.wait.nlinks = f->a.n;
    f->p.wait.obj = first;
    for (unsigned i = 0; i < f->a.n; i++)
        queue_op(f, i);
    rc = yc__prim_block(abi, &f->p, 1, f->a.deadline);
    if (rc == YC__SUSPENDED)
        s->nexternal += f->nfutures;
    return rc;
}

YC__PRIMITIVE_SIZED(yc_select, struct select_frame, select_run,
                    (size_t)n * sizeof(struct yc__wlink),
                    (struct yc_select_op * ops, unsigned n, int64_t deadline),
                    (ops, n, deadline))
