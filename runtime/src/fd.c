/* fd.c - the table of file descriptors that I/O calls wait on: entries,
   readiness wake-ups, and closing or forgetting an fd. */
#include "fd.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

/* Clears e for a new fd of its number; the generation goes on. */
static void entry_init(struct yc__fd *e) {
    unsigned gen = e->gen;
    memset(e, 0, sizeof *e);
    e->pidx = -1;
    e->gen = gen + 1;
}

struct yc__fd *yc__fd_get(struct yc__poller *p, int fd) {
    if (fd < 0)
        return NULL;
    unsigned page = (unsigned)fd / YC__FD_PAGE;
    if (page >= p->npages) {
        unsigned n = p->npages ? p->npages : 4;
        while (n <= page)
            n *= 2;
        struct yc__fd **pages = realloc(p->pages, n * sizeof *pages);
        if (!pages)
            return NULL;
        memset(pages + p->npages, 0, (n - p->npages) * sizeof *pages);
        p->pages = pages;
        p->npages = n;
    }
    if (!p->pages[page]) {
        struct yc__fd *v = malloc(YC__FD_PAGE * sizeof *v);
        if (!v)
            return NULL;
        memset(v, 0, YC__FD_PAGE * sizeof *v);
        for (unsigned i = 0; i < YC__FD_PAGE; i++)
            entry_init(&v[i]);
        p->pages[page] = v;
    }
    return &p->pages[page][(unsigned)fd % YC__FD_PAGE];
}

unsigned yc__fd_count(const struct yc__poller *p) {
    unsigned n = 0;
    for (unsigned i = 0; i < p->npages; i++)
        for (unsigned j = 0; p->pages[i] && j < YC__FD_PAGE; j++)
            n += p->pages[i][j].known;
    return n;
}

void yc__fd_ready(struct yc__sched_full *s, int fd, int dir) {
    struct yc__fd *e = yc__fd_peek(&s->poll, fd);
    if (!e)
        return;
    if (dir == YC__FD_READ)
        e->drained = 0;
    yc__wq_wake_all(s, &e->q[dir], 0);
}

void yc__fd_ended(struct yc__sched_full *s, int fd) {
    struct yc__fd *e = yc__fd_peek(&s->poll, fd);
    if (e)
        e->ended = 1;
}

int yc__fd_prepare(struct yc__sched_full *s, int fd, struct yc__fd **out) {
    *out = NULL;
    /* Checked before the table grows to hold a bogus number. */
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0)
        return -errno;
    struct yc__fd *e = yc__fd_get(&s->poll, fd);
    *out = e;
    if (!e)
        return YC_ENOMEM;
    if (e->known)
        return 0;
    /* A blocking fd would stop the whole scheduler in its system call. */
    if (!(flags & O_NONBLOCK)) {
        if (fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0)
            return -errno;
        e->set_nonblock = 1;
    }
    int type;
    socklen_t len = sizeof type;
    struct stat st;
    int have_st = fstat(fd, &st) == 0;
    if (have_st) {
        e->dev = st.st_dev;
        e->ino = st.st_ino;
    }
    if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) == 0) {
        e->bytestream = type == SOCK_STREAM;
    } else {
        e->nonsock = 1;
        e->bytestream = have_st && S_ISFIFO(st.st_mode);
    }
    e->known = 1;
    return 0;
}

static void reset(struct yc__sched_full *s, int fd);

int yc__fd_recheck(struct yc__sched_full *s, int fd, struct yc__fd **e) {
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0)
        return -errno;
    /* Another file under the number (closed behind the runtime's back and
       reused: a pipe made non-blocking already is just as stale) ends the
       calls still waiting on the old one, and is prepared afresh. An entry
       of unknown identity (a socket the runtime made) is taken to be the
       same file. */
    struct stat st;
    if ((*e)->ino && (fstat(fd, &st) != 0 || st.st_dev != (*e)->dev ||
                      st.st_ino != (*e)->ino)) {
        reset(s, fd);
        return yc__fd_prepare(s, fd, e);
    }
    if (YC__LIKELY(flags & O_NONBLOCK))
        return 0;
    /* The same file, whose flag other code (or another process sharing
       it) cleared. */
    if (fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0)
        return -errno;
    (*e)->set_nonblock = 1;
    return 0;
}

int yc__fd_renew(struct yc__sched_full *s, int fd, struct yc__fd **e) {
    reset(s, fd);
    return yc__fd_prepare(s, fd, e);
}

static void restore_blocking(int fd, struct yc__fd *e) {
    if (!e->set_nonblock)
        return;
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0)
        fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    e->set_nonblock = 0;
}

void yc__fd_table_free(struct yc__poller *p) {
    for (unsigned i = 0; i < p->npages; i++)
        free(p->pages[i]);
    free(p->pages);
    p->pages = NULL;
    p->npages = 0;
}

void yc__fd_restore_all(struct yc__poller *p) {
    for (unsigned i = 0; i < p->npages; i++)
        for (unsigned j = 0; p->pages[i] && j < YC__FD_PAGE; j++)
            restore_blocking((int)(i * YC__FD_PAGE + j), &p->pages[i][j]);
}

/* Ends every call waiting on fd with YC_EBADF and drops its entry, so
   that a later fd with the same number starts afresh. */
static void reset(struct yc__sched_full *s, int fd) {
    struct yc__fd *e = yc__fd_peek(&s->poll, fd);
    if (!e)
        return;
    yc__wq_wake_all(s, &e->q[YC__FD_READ], YC_EBADF);
    yc__wq_wake_all(s, &e->q[YC__FD_WRITE], YC_EBADF);
    yc__poller_unwatch(&s->poll, fd, e);
    entry_init(e);
}

void yc__fd_fresh(struct yc__sched_full *s, int fd, int bytestream) {
    reset(s, fd);
    struct yc__fd *e = yc__fd_get(&s->poll, fd);
    if (e) {
        e->known = 1;
        e->bytestream = (unsigned char)bytestream;
    }
}

int yc__fd_block(struct yc__sched_full *s, struct yc__prim *p,
                 struct yc__wlink links[2], int fd, struct yc__fd *e, int dirs,
                 int64_t deadline) {
    int rc = yc__poller_watch(&s->poll, fd, e);
    if (rc)
        return rc;
    struct yc__wait *w = &p->wait;
    w->links = links;
    w->nlinks = 0;
    for (int dir = YC__FD_READ; dir <= YC__FD_WRITE; dir++)
        if (dirs & (1 << dir))
            yc__wq_push(&e->q[dir], &links[w->nlinks++], w, NULL);
    w->obj = (void *)(intptr_t)fd;
    w->obj_fd = 1;
    if (yc__prim_block(&s->abi, p, 1, deadline) == YC__DONE)
        return p->ret;
    s->poll.nwait++;
    s->abi.busy++;
    return YC__SUSPENDED;
}

int yc_close(int fd) {
    struct yc__sched_full *s = yc__sched_peek();
    if (s)
        reset(s, fd);
    /* Linux frees the fd even when close fails with EINTR. */
    if (close(fd) < 0 && errno != EINTR)
        return -errno;
    return 0;
}

void yc_fd_forget(int fd) {
    struct yc__sched_full *s = yc__sched_peek();
    struct yc__fd *e = s ? yc__fd_peek(&s->poll, fd) : NULL;
    if (e)
        restore_blocking(fd, e);
    if (s)
        reset(s, fd);
}
