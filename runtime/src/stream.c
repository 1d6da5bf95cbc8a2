/* stream.c - byte streams: over an fd (the I/O calls of io.c), or an
   in-memory pipe between micro-threads of one scheduler; and their
   callback and stdio forms for code that takes I/O callbacks. */
#define _GNU_SOURCE /* fopencookie */
#include "io.h"

#include <errno.h>
#include <stdio.h>

/* One direction of a pipe: a ring buffer and who waits on it. */
struct ring {
    char *buf;             /* cap bytes */
    size_t cap;            /* its size */
    size_t head;           /* the oldest unread byte */
    size_t len;            /* unread bytes */
    int reader_gone;       /* the reading end is closed: writes fail */
    int writer_gone;       /* the writing end is closed: reads end */
    struct yc__wq readers; /* waiting for bytes */
    struct yc__wq writers; /* waiting for room */
};

struct pipe_pair;

struct yc_stream {
    int fd;                 /* the fd, or -1 for a pipe end */
    int64_t timeout;        /* for the callback forms; -1: none */
    struct ring *in;        /* pipe: the ring this end reads */
    struct ring *out;       /* pipe: the ring this end writes */
    struct pipe_pair *pair; /* pipe: the shared block */
};

/* Both ends and both rings in one block, freed when both ends are closed
   and no call is waiting or woken and not yet resumed: such a call still
   looks at the pair when it resumes. */
struct pipe_pair {
    struct yc_stream ends[2];
    struct ring rings[2]; /* rings[i] is read by ends[i] */
    int closed[2];        /* ends[i] is closed */
    int open;             /* ends not yet closed */
    int calls;            /* calls that blocked and have not resumed */
};

static void pair_release(struct pipe_pair *p) {
    if (p->open == 0 && p->calls == 0) {
        free(p->rings[0].buf < p->rings[1].buf ? p->rings[0].buf
                                               : p->rings[1].buf);
        free(p);
    }
}

int yc_stream_fd(yc_stream **out, int fd) {
    yc_stream *s = calloc(1, sizeof *s);
    *out = s;
    if (!s)
        return YC_ENOMEM;
    s->fd = fd;
    s->timeout = -1;
    return 0;
}

int yc_stream_pipe(yc_stream *ends[2], size_t capacity) {
    if (!capacity)
        capacity = 64 * 1024;
    if (capacity > SIZE_MAX / 2) {
        ends[0] = ends[1] = NULL;
        return YC_ENOMEM;
    }
    struct pipe_pair *p = calloc(1, sizeof *p);
    char *mem = p ? malloc(2 * capacity) : NULL;
    if (!mem) {
        free(p);
        ends[0] = ends[1] = NULL;
        return YC_ENOMEM;
    }
    for (int i = 0; i < 2; i++) {
        p->rings[i].buf = mem + (size_t)i * capacity;
        p->rings[i].cap = capacity;
        p->ends[i] = (struct yc_stream){.fd = -1,
                                        .timeout = -1,
                                        .in = &p->rings[i],
                                        .out = &p->rings[1 - i],
                                        .pair = p};
        ends[i] = &p->ends[i];
    }
    p->open = 2;
    return 0;
}

int yc_stream_fileno(const yc_stream *s) { return s->fd; }

void yc_stream_set_timeout(yc_stream *s, int64_t ns) { s->timeout = ns; }

int yc_stream_close(yc_stream *s) {
    if (s->fd >= 0) {
        int rc = yc_close(s->fd);
        free(s);
        return rc;
    }
    struct yc__sched_full *sched = yc__full(yc__sched_get());
    /* This end's own waiters fail; the peer's wake to find the end of
       the stream (readers) or a broken pipe (writers). */
    yc__wq_wake_all(sched, &s->in->readers, YC_EBADF);
    yc__wq_wake_all(sched, &s->out->writers, YC_EBADF);
    s->in->reader_gone = 1;
    s->out->writer_gone = 1;
    yc__wq_wake_all(sched, &s->out->readers, 0);
    yc__wq_wake_all(sched, &s->in->writers, 0);
    struct pipe_pair *p = s->pair;
    p->closed[s - p->ends] = 1;
    p->open--;
    pair_release(p);
    return 0;
}

/* What a pipe call does first when it resumes after blocking: counts
   itself out, and returns YC_EBADF if its own end was closed meanwhile
   (freeing the pair if it was the last to look at it), else the wait's
   result (0, YC_ETIMEDOUT, YC_ECANCELED). */
static int pipe_resumed(struct yc__prim *p, yc_stream *s) {
    struct pipe_pair *pp = s->pair;
    pp->calls--;
    if (pp->closed[s - pp->ends]) {
        pair_release(pp);
        return YC_EBADF;
    }
    return p->wait.result;
}

/* Blocks pipe call p on queue q of s's pair, to resume at state 1. */
static int pipe_block(struct yc__prim *p, struct yc__wq *q,
                      struct yc__wlink *link, yc_stream *s, int64_t deadline,
                      struct yc__sched *abi) {
    yc__prim_queue(p, q, link, NULL, s);
    if (yc__prim_block(abi, p, 1, deadline) == YC__DONE)
        return YC__DONE;
    s->pair->calls++;
    return YC__SUSPENDED;
}

/* ------------------------------------------------------------------ */
/* Reading and writing                                                 */
/* ------------------------------------------------------------------ */

/* A pipe read: whatever is buffered, up to n bytes. */
static int pipe_read(struct yc__prim *p, struct yc__wlink *link, yc_stream *s,
                     char *buf, size_t n, int64_t deadline,
                     struct yc__sched *abi) {
    struct ring *r = s->in;
    if (r->len == 0 && !r->writer_gone && n > 0) {
        if (pipe_block(p, &r->readers, link, s, deadline, abi) == YC__SUSPENDED)
            return YC__SUSPENDED;
        return yc__prim_done_ssize(p, p->ret);
    }
    size_t k = n < r->len ? n : r->len;
    size_t first = r->cap - r->head < k ? r->cap - r->head : k;
    memcpy(buf, r->buf + r->head, first);
    memcpy(buf + first, r->buf, k - first);
    r->head = (r->head + k) % r->cap;
    r->len -= k;
    if (k)
        yc__wq_wake_all(yc__full(abi), &r->writers, 0);
    return yc__prim_done_ssize(p, (ssize_t)k);
}

/* A pipe write: as much as fits, then waits for room, until all of n is
   written; *done counts across resumptions. */
static int pipe_write(struct yc__prim *p, struct yc__wlink *link, yc_stream *s,
                      const char *buf, size_t n, size_t *done, int64_t deadline,
                      struct yc__sched *abi) {
    struct ring *r = s->out;
    while (*done < n) {
        if (r->reader_gone)
            return yc__prim_done_ssize(p, *done ? (ssize_t)*done : YC_EPIPE);
        size_t room = r->cap - r->len;
        if (room == 0) {
            if (pipe_block(p, &r->writers, link, s, deadline, abi) ==
                YC__SUSPENDED)
                return YC__SUSPENDED;
            return yc__prim_done_ssize(p, *done ? (ssize_t)*done : p->ret);
        }
        size_t k = n - *done < room ? n - *done : room;
        size_t tail = (r->head + r->len) % r->cap;
        size_t first = r->cap - tail < k ? r->cap - tail : k;
        memcpy(r->buf + tail, buf + *done, first);
        memcpy(r->buf, buf + *done + first, k - first);
        r->len += k;
        *done += k;
        yc__wq_wake_all(yc__full(abi), &r->readers, 0);
    }
    return yc__prim_done_ssize(p, (ssize_t)n);
}

struct yc__yc_stream_read_args {
    yc_stream *s;
    void *buf;
    size_t n;
    int64_t deadline;
};
struct stream_read_frame {
    struct yc__prim p;
    struct yc__yc_stream_read_args a;
    struct yc__io io; /* the operation (see stream_read_run) */
};
/* A stream call's operation, set up when it starts: an fd stream's call
   runs io (its fd kept there: the stream itself may be closed and freed
   while the call waits); a pipe's uses links[0] and done. */
static void stream_setup(struct yc__io *io, int op, const yc_stream *st,
                         const void *buf, size_t n, int64_t deadline) {
    memset(io, 0, sizeof *io);
    io->op = op;
    io->fd = st->fd;
    io->u.cbuf = buf; /* the same pointer as u.buf, for reads */
    io->n = n;
    io->deadline = deadline;
}

static int stream_read_run(struct stream_read_frame *f, struct yc__sched *s) {
    yc_stream *st = f->a.s;
    if (f->p.hdr.state == 0)
        stream_setup(&f->io, YC__IO_READ, st, f->a.buf, f->a.n, f->a.deadline);
    if (f->io.fd >= 0)
        return yc__io_run(s, &f->p, &f->io);
    int rc = f->p.hdr.state == 0 ? yc__checkpoint(s) : pipe_resumed(&f->p, st);
    if (rc)
        return yc__prim_done_ssize(&f->p, rc);
    return pipe_read(&f->p, &f->io.links[0], st, f->a.buf, f->a.n,
                     f->a.deadline, s);
}
YC__PRIMITIVE_TYPED(yc_stream_read, ssize_t, yc__prim_call_ssize,
                    struct stream_read_frame, stream_read_run, 0,
                    (yc_stream * s, void *buf, size_t n, int64_t deadline),
                    (s, buf, n, deadline))

struct yc__yc_stream_write_args {
    yc_stream *s;
    const void *buf;
    size_t n;
    int64_t deadline;
};
struct stream_write_frame {
    struct yc__prim p;
    struct yc__yc_stream_write_args a;
    struct yc__io io; /* the operation (see stream_read_run) */
};
static int stream_write_run(struct stream_write_frame *f, struct yc__sched *s) {
    yc_stream *st = f->a.s;
    if (f->p.hdr.state == 0)
        stream_setup(&f->io, YC__IO_WRITE, st, f->a.buf, f->a.n, f->a.deadline);
    if (f->io.fd >= 0)
        return yc__io_run(s, &f->p, &f->io);
    int rc = f->p.hdr.state == 0 ? yc__checkpoint(s) : pipe_resumed(&f->p, st);
    if (rc)
        return yc__prim_done_ssize(&f->p, f->io.done ? (ssize_t)f->io.done
                                                     : (ssize_t)rc);
    return pipe_write(&f->p, &f->io.links[0], st, f->a.buf, f->a.n, &f->io.done,
                      f->a.deadline, s);
}
YC__PRIMITIVE_TYPED(yc_stream_write, ssize_t, yc__prim_call_ssize,
                    struct stream_write_frame, stream_write_run, 0,
                    (yc_stream * s, const void *buf, size_t n,
                     int64_t deadline),
                    (s, buf, n, deadline))

/* ------------------------------------------------------------------ */
/* Callback and stdio forms                                            */
/* ------------------------------------------------------------------ */

static int64_t deadline_of(const yc_stream *s) {
    return s->timeout < 0 ? YC_NO_DEADLINE : yc_now() + s->timeout;
}

static ssize_t posix_result(ssize_t r) {
    if (r >= 0)
        return r;
    errno = (int)-r;
    return -1;
}

ssize_t yc_stream_read_cb(void *stream, char *buf, size_t n) {
    yc_stream *s = stream;
    return posix_result(yc_stream_read(s, buf, n, deadline_of(s)));
}

ssize_t yc_stream_write_cb(void *stream, const char *buf, size_t n) {
    yc_stream *s = stream;
    return posix_result(yc_stream_write(s, buf, n, deadline_of(s)));
}

/* fopencookie wants 0, not -1, for a failed write. */
static ssize_t fwrite_cb(void *stream, const char *buf, size_t n) {
    ssize_t r = yc_stream_write_cb(stream, buf, n);
    return r < 0 ? 0 : r;
}

static int close_cb(void *stream) {
    int rc = yc_stream_close(stream);
    if (rc) {
        errno = -rc;
        return -1;
    }
    return 0;
}

FILE *yc_stream_fopen(yc_stream *s, const char *mode) {
    cookie_io_functions_t io = {
        .read = yc_stream_read_cb,
        .write = fwrite_cb,
        .seek = NULL,
        .close = close_cb,
    };
    return fopencookie(s, mode, io);
}
