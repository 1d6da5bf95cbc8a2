/* chan.c - channels: bounded, unbounded and rendezvous, with close. */
#include "chan.h"
#include "prim.h"

#include <string.h>

#define MIN_SLOTS 16

/* A message's copy; the common sizes (an int, a pointer) without a call
   to memcpy. */
static inline void copy(void *to, const void *from, size_t n) {
    if (n == sizeof(int))
        memcpy(to, from, sizeof(int));
    else if (n == sizeof(void *))
        memcpy(to, from, sizeof(void *));
    else if (n)
        memcpy(to, from, n);
}

static unsigned char *slot(const yc_chan *ch, size_t i) {
    return ch->buf + ((ch->head + i) % ch->bufcap) * ch->esize;
}

/* Makes room for one more buffered message (len < cap). Returns 0 or
   YC_ENOMEM. The ring is unrolled into the new buffer, oldest first. */
static int grow(yc_chan *ch) {
    if (ch->len < ch->bufcap)
        return 0;
    size_t n = ch->bufcap ? ch->bufcap * 2 : MIN_SLOTS;
    if (n > ch->cap || n < ch->bufcap)
        n = ch->cap;
    if (ch->esize && n > SIZE_MAX / ch->esize)
        return YC_ENOMEM;
    unsigned char *buf = malloc(ch->esize ? n * ch->esize : 1);
    if (!buf)
        return YC_ENOMEM;
    for (size_t i = 0; i < ch->len; i++)
        copy(buf + i * ch->esize, slot(ch, i), ch->esize);
    free(ch->buf);
    ch->buf = buf;
    ch->bufcap = n;
    ch->head = 0;
    return 0;
}

static void push(yc_chan *ch, const void *elem) {
    copy(slot(ch, ch->len), elem, ch->esize);
    ch->len++;
}

static void pop(yc_chan *ch, void *elem) {
    copy(elem, slot(ch, 0), ch->esize);
    ch->head = (ch->head + 1) % ch->bufcap;
    ch->len--;
}

int yc_chan_create(yc_chan **out, size_t elem_size, size_t capacity) {
    *out = NULL;
    yc_chan *ch = calloc(1, sizeof *ch);
    if (!ch)
        return YC_ENOMEM;
    ch->esize = elem_size;
    ch->cap = capacity;
    *out = ch;
    return 0;
}

int yc_chan_create_shared(yc_chan **out, size_t elem_size, size_t capacity) {
    int rc = yc_chan_create(out, elem_size, capacity);
    if (!rc)
        (*out)->yc__xs = YC__XS_FREE;
    return rc;
}

int yc_chan_free(yc_chan *ch) {
    if (!ch)
        return 0;
    if (YC__SHARED(ch)) {
        yc__xs_lock(&ch->yc__xs);
        int busy =
            !yc__xq_empty(&ch->yc__xsend) || !yc__xq_empty(&ch->yc__xrecv);
        yc__xs_unlock(&ch->yc__xs);
        if (busy)
            return YC_EBUSY;
    }
    if (!yc__wq_empty(&ch->senders) || !yc__wq_empty(&ch->receivers))
        return YC_EBUSY;
    free(ch->buf);
    free(ch);
    return 0;
}

size_t yc_chan_len(const yc_chan *ch) {
    if (!YC__SHARED(ch))
        return ch->len;
    yc_chan *c = (yc_chan *)ch;
    yc__xs_lock(&c->yc__xs);
    size_t n = c->len;
    yc__xs_unlock(&c->yc__xs);
    return n;
}

/* yc_chan_try_send and _recv on scheduler s: the blocking calls have it
   at hand, the public ones (s NULL) look it up only to wake a waiter. */
static struct yc__sched_full *waker(struct yc__sched_full *s) {
    return s ? s : yc__full(yc__sched_get());
}

static inline int try_send(struct yc__sched_full *s, yc_chan *ch,
                           const void *elem) {
    if (ch->closed)
        return YC_EPIPE;
    struct yc__wlink *l = yc__wq_first(&ch->receivers);
    if (l) {
        copy(l->data, elem, ch->esize);
        yc__wlink_wake(waker(s), l, 0);
        return 0;
    }
    if (ch->len >= ch->cap)
        return YC_EAGAIN;
    int rc = grow(ch);
    if (rc)
        return rc;
    push(ch, elem);
    return 0;
}

static inline int try_recv(struct yc__sched_full *s, yc_chan *ch, void *elem) {
    struct yc__wlink *l = yc__wq_first(&ch->senders);
    if (ch->len) {
        pop(ch, elem);
        /* The longest-waiting sender's message takes the freed slot. */
        if (l) {
            push(ch, l->data);
            yc__wlink_wake(waker(s), l, 0);
        }
        return 0;
    }
    if (l) {
        copy(elem, l->data, ch->esize);
        yc__wlink_wake(waker(s), l, 0);
        return 0;
    }
    return ch->closed ? YC_EPIPE : YC_EAGAIN;
}

/* The same on a shared channel, its lock held: a waiter the operation
   completes is left in *woken, to be woken once the lock is released. */
static int xtry_send(yc_chan *ch, const void *elem, struct yc__xwait **woken) {
    if (ch->closed)
        return YC_EPIPE;
    struct yc__xwait *x = yc__xq_pop(&ch->yc__xrecv);
    if (x) {
        copy(x->data, elem, ch->esize);
        x->result = 0;
        *woken = x;
        return 0;
    }
    if (ch->len >= ch->cap)
        return YC_EAGAIN;
    int rc = grow(ch);
    if (rc)
        return rc;
    push(ch, elem);
    return 0;
}

static int xtry_recv(yc_chan *ch, void *elem, struct yc__xwait **woken) {
    struct yc__xwait *x = yc__xq_pop(&ch->yc__xsend);
    if (ch->len) {
        pop(ch, elem);
        if (x)
            push(ch, x->data);
    } else if (x) {
        copy(elem, x->data, ch->esize);
    } else {
        return ch->closed ? YC_EPIPE : YC_EAGAIN;
    }
    if (x) {
        x->result = 0;
        *woken = x;
    }
    return 0;
}

static int xtry(yc_chan *ch, void *elem, int send) {
    struct yc__xwait *woken = NULL;
    yc__xs_lock(&ch->yc__xs);
    int rc = send ? xtry_send(ch, elem, &woken) : xtry_recv(ch, elem, &woken);
    yc__xs_unlock(&ch->yc__xs);
    if (woken)
        yc__xwake(woken);
    return rc;
}

int yc_chan_try_send(yc_chan *ch, const void *elem) {
    if (YC__SHARED(ch))
        return xtry(ch, (void *)elem, 1);
    return try_send(NULL, ch, elem);
}

int yc_chan_try_recv(yc_chan *ch, void *elem) {
    if (YC__SHARED(ch))
        return xtry(ch, elem, 0);
    return try_recv(NULL, ch, elem);
}

/* Closes shared channel ch: every waiter fails with YC_EPIPE. */
static int xclose(yc_chan *ch) {
    yc__xs_lock(&ch->yc__xs);
    if (ch->closed) {
        yc__xs_unlock(&ch->yc__xs);
        return YC_EPIPE;
    }
    ch->closed = 1;
    yc__xq_wake_all(&ch->yc__xrecv, &ch->yc__xsend, &ch->yc__xs, YC_EPIPE);
    return 0;
}

int yc_chan_close(yc_chan *ch) {
    if (YC__SHARED(ch))
        return xclose(ch);
    if (ch->closed)
        return YC_EPIPE;
    ch->closed = 1;
    struct yc__sched_full *s = yc__full(yc__sched_get());
    yc__wq_wake_all(s, &ch->receivers, YC_EPIPE);
    yc__wq_wake_all(s, &ch->senders, YC_EPIPE);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Blocking send and receive                                           */
/* ------------------------------------------------------------------ */

struct yc__yc_chan_send_args {
    yc_chan *ch;      /* the channel */
    const void *elem; /* the message */
    int64_t deadline; /* when to give up */
};
struct send_frame {
    struct yc__prim p;
    struct yc__yc_chan_send_args a;
    struct yc__wlink link; /* in ch->senders */
    /* A shared channel's wait follows (YC__XWAIT_AFTER). */
};

/* A blocking send or receive on a shared channel. */
static int xsend_or_recv(struct yc__prim *p, struct yc__xwait *x, yc_chan *ch,
                         void *elem, int64_t deadline, int send,
                         struct yc__sched *s) {
    struct yc__qnode *q = send ? &ch->yc__xsend : &ch->yc__xrecv;
    if (p->hdr.state != 0)
        return yc__xwait_resume(s, p, x, q, &ch->yc__xs);
    int rc = yc__checkpoint(s);
    if (rc)
        return yc__prim_done(p, rc);
    struct yc__xwait *woken = NULL;
    yc__xs_lock(&ch->yc__xs);
    rc = send ? xtry_send(ch, elem, &woken) : xtry_recv(ch, elem, &woken);
    if (rc == YC_EAGAIN)
        return yc__xwait_block(s, p, x, q, &ch->yc__xs, elem, ch, deadline);
    yc__xs_unlock(&ch->yc__xs);
    if (woken)
        yc__xwake(woken);
    return yc__prim_done(p, rc);
}

static int send_run(struct send_frame *f, struct yc__sched *s) {
    if (YC__SHARED(f->a.ch))
        return xsend_or_recv(&f->p, YC__XWAIT_AFTER(f), f->a.ch,
                             (void *)f->a.elem, f->a.deadline, 1, s);
    if (f->p.hdr.state != 0)
        return yc__prim_done(&f->p, f->p.wait.result);
    int rc = yc__checkpoint(s);
    if (!rc)
        rc = try_send(yc__full(s), f->a.ch, f->a.elem);
    if (rc != YC_EAGAIN)
        return yc__prim_done(&f->p, rc);
    yc__prim_queue(&f->p, &f->a.ch->senders, &f->link, (void *)f->a.elem,
                   f->a.ch);
    return yc__prim_block(s, &f->p, 1, f->a.deadline);
}

YC__PRIMITIVE_SIZED(yc_chan_send, struct send_frame, send_run,
                    YC__XWAIT_EXTRA(ch),
                    (yc_chan * ch, const void *elem, int64_t deadline),
                    (ch, elem, deadline))

int yc__yc_chan_send_in(struct yc__sched *s, struct yc__frame *f,
                        unsigned state, yc_chan *ch, const void *elem,
                        int64_t deadline) {
    struct yc_task *t = yc__cur(s);
    f->state = state;
    if (YC__LIKELY(!YC__SHARED(ch)) && yc__may_wait_bare(t, deadline)) {
        int rc = try_send(yc__full(s), ch, elem);
        if (rc != YC_EAGAIN)
            return rc;
        yc__wq_wait_bare(s, t, &ch->senders, (void *)elem, f, YC__WAIT_SEND);
        return 0;
    }
    YC__IN_FRAME(yc_chan_send, ch, elem, deadline);
}

struct yc__yc_chan_recv_args {
    yc_chan *ch;      /* the channel */
    void *elem;       /* where the message goes */
    int64_t deadline; /* when to give up */
};
struct recv_frame {
    struct yc__prim p;
    struct yc__yc_chan_recv_args a;
    struct yc__wlink link; /* in ch->receivers */
    /* A shared channel's wait follows (YC__XWAIT_AFTER). */
};

static int recv_run(struct recv_frame *f, struct yc__sched *s) {
    if (YC__SHARED(f->a.ch))
        return xsend_or_recv(&f->p, YC__XWAIT_AFTER(f), f->a.ch, f->a.elem,
                             f->a.deadline, 0, s);
    if (f->p.hdr.state != 0)
        return yc__prim_done(&f->p, f->p.wait.result);
    int rc = yc__checkpoint(s);
    if (!rc)
        rc = try_recv(yc__full(s), f->a.ch, f->a.elem);
    if (rc != YC_EAGAIN)
        return yc__prim_done(&f->p, rc);
    yc__prim_queue(&f->p, &f->a.ch->receivers, &f->link, f->a.elem, f->a.ch);
    return yc__prim_block(s, &f->p, 1, f->a.deadline);
}

YC__PRIMITIVE_SIZED(yc_chan_recv, struct recv_frame, recv_run,
                    YC__XWAIT_EXTRA(ch),
                    (yc_chan * ch, void *elem, int64_t deadline),
                    (ch, elem, deadline))

int yc__yc_chan_recv_in(struct yc__sched *s, struct yc__frame *f,
                        unsigned state, yc_chan *ch, void *elem,
                        int64_t deadline) {
    struct yc_task *t = yc__cur(s);
    f->state = state;
    if (YC__LIKELY(!YC__SHARED(ch)) && yc__may_wait_bare(t, deadline)) {
        int rc = try_recv(yc__full(s), ch, elem);
        if (rc != YC_EAGAIN)
            return rc;
        yc__wq_wait_bare(s, t, &ch->receivers, elem, f, YC__WAIT_RECV);
        return 0;
    }
    YC__IN_FRAME(yc_chan_recv, ch, elem, deadline);
}
