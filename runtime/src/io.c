/* io.c - the green I/O calls: each tries its system call and, on EAGAIN,
   waits for its fd in the scheduler's poller (see poller.h). */
#define _GNU_SOURCE /* accept4 */
#include "io.h"

#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

/* write(2) to a pipe or another non-socket fd without dying of SIGPIPE:
   the signal is blocked for the call, and one it raised is taken back
   (one that was pending before stays pending). Sockets use MSG_NOSIGNAL
   instead, which costs nothing. */
static ssize_t write_guarded(int fd, const void *buf, size_t n,
                             const struct iovec *iov, int iovcnt) {
    sigset_t pipe_set, old, pending;
    sigemptyset(&pipe_set);
    sigaddset(&pipe_set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_set, &old);
    sigpending(&pending);
    int was_pending = sigismember(&pending, SIGPIPE);
    ssize_t r = iov ? writev(fd, iov, iovcnt) : write(fd, buf, n);
    int err = errno;
    if (r < 0 && err == EPIPE && !was_pending) {
        static const struct timespec zero = {0, 0};
        while (sigtimedwait(&pipe_set, NULL, &zero) < 0 && errno == EINTR)
            ;
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    errno = err;
    return r;
}

/* Drops the first k written bytes from the front of io's iovec copy. */
static void advance_iov(struct yc__io *io, size_t k) {
    while (k && io->n) {
        struct iovec *v = io->u.wiov;
        if (k < v->iov_len) {
            v->iov_base = (char *)v->iov_base + k;
            v->iov_len -= k;
            return;
        }
        k -= v->iov_len;
        io->u.wiov++;
        io->n--;
    }
    /* Skip empty buffers, so that n == 0 means all is written. */
    while (io->n && io->u.wiov->iov_len == 0) {
        io->u.wiov++;
        io->n--;
    }
}

/* What poll(2) says of fd now, as YC_READABLE | YC_WRITABLE bits. */
static int ready_now(int fd, int events) {
    struct pollfd p = {.fd = fd, .events = 0};
    if (events & YC_READABLE)
        p.events |= POLLIN;
    if (events & YC_WRITABLE)
        p.events |= POLLOUT;
    if (poll(&p, 1, 0) <= 0)
        return 0;
    int r = 0;
    if (p.revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL))
        r |= YC_READABLE;
    if (p.revents & (POLLOUT | POLLHUP | POLLERR | POLLNVAL))
        r |= YC_WRITABLE;
    return r & events;
}

/* The bytes a READV asks for. */
static size_t iov_total(const struct iovec *iov, size_t n) {
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += iov[i].iov_len;
    return total;
}

/* After a read of r bytes out of `asked`: on a byte stream (a stream
   socket, a pipe) a read that found fewer bytes than it asked for (or
   none) emptied the fd, and the poller reports the next arrival (the fd
   is registered, edge-triggered): so the next read can wait for it at
   once instead of paying a system call to meet EAGAIN. Not so where a
   read returns one message of several queued (datagrams, a terminal's
   lines), whose arrival may have been reported already. End of file and
   errors leave it alone: they persist without a new report; so does a
   short read once the poller has reported the peer's hang-up (the last
   bytes and the end of file came in one report). A peek consumes nothing,
   so it proves nothing either. */
static void note_read(struct yc__fd *e, ssize_t r, size_t asked) {
    if (e->registered && e->bytestream && !e->ended &&
        ((r > 0 && (size_t)r < asked) ||
         (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))))
        e->drained = 1;
}

/* A peek consumes nothing and proves nothing about the fd's state. */
static ssize_t recv_peek(struct yc__io *io) {
    ssize_t r = recv(io->fd, io->u.buf, io->n, io->flags | MSG_DONTWAIT);
    return r >= 0 ? r : -errno;
}

/* One attempt at io. Returns the result (>= 0) when the operation is
   complete, a negative code when it failed, or -EAGAIN with *dirs set to
   the directions to wait for. */
static ssize_t attempt(struct yc__sched_full *s, struct yc__io *io,
                       struct yc__fd *e, int *dirs) {
    ssize_t r;
    *dirs = 1 << YC__FD_READ;
    switch (io->op) {
    case YC__IO_READ:
        if (e->drained && io->n)
            return -EAGAIN;
        r = e->nonsock ? read(io->fd, io->u.buf, io->n)
                       : recv(io->fd, io->u.buf, io->n, MSG_DONTWAIT);
        note_read(e, r, io->n);
        break;
    case YC__IO_RECV:
        if (io->flags & MSG_PEEK)
            return recv_peek(io);
        if (e->drained && io->n)
            return -EAGAIN;
        r = recv(io->fd, io->u.buf, io->n, io->flags | MSG_DONTWAIT);
        note_read(e, r, io->n);
        break;
    case YC__IO_READV: {
        size_t asked = iov_total(io->u.iov, io->n);
        if (e->drained && asked)
            return -EAGAIN;
        if (e->nonsock) {
            r = readv(io->fd, io->u.iov, (int)io->n);
        } else {
            struct msghdr m = {.msg_iov = (struct iovec *)io->u.iov,
                               .msg_iovlen = io->n};
            r = recvmsg(io->fd, &m, MSG_DONTWAIT);
        }
        note_read(e, r, asked);
        break;
    }
    case YC__IO_WRITE:
    case YC__IO_SEND:
        *dirs = 1 << YC__FD_WRITE;
        while (io->done < io->n) {
            const char *p = (const char *)io->u.cbuf + io->done;
            size_t left = io->n - io->done;
            if (io->op == YC__IO_WRITE && e->nonsock)
                r = write_guarded(io->fd, p, left, NULL, 0);
            else
                r = send(io->fd, p, left,
                         io->flags | MSG_NOSIGNAL | MSG_DONTWAIT);
            if (r < 0)
                return -errno;
            io->done += (size_t)r;
        }
        return (ssize_t)io->done;
    case YC__IO_WRITEV:
        *dirs = 1 << YC__FD_WRITE;
        while (io->n) {
            int cnt = (int)io->n;
            if (e->nonsock) {
                r = write_guarded(io->fd, NULL, 0, io->u.wiov, cnt);
            } else {
                struct msghdr m = {.msg_iov = io->u.wiov,
                                   .msg_iovlen = (size_t)cnt};
                r = sendmsg(io->fd, &m, MSG_NOSIGNAL | MSG_DONTWAIT);
            }
            if (r < 0)
                return -errno;
            io->done += (size_t)r;
            advance_iov(io, (size_t)r);
        }
        return (ssize_t)io->done;
    case YC__IO_ACCEPT:
        r = accept4(io->fd, io->u.addr, io->alen, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (r >= 0) /* of the listening socket's type */
            yc__fd_fresh(s, (int)r, e->bytestream);
        break;
    case YC__IO_CONNECT:
        *dirs = 1 << YC__FD_WRITE;
        if (!io->started) {
            io->started = 1;
            if (connect(io->fd, io->u.caddr, io->clen) == 0)
                return 0;
            /* EINTR: the handshake goes on, as after EINPROGRESS. */
            if (errno != EINPROGRESS && errno != EINTR)
                return -errno;
            return -EAGAIN;
        }
        if (!ready_now(io->fd, YC_WRITABLE))
            return -EAGAIN;
        int err = 0;
        socklen_t len = sizeof err;
        if (getsockopt(io->fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0)
            return -errno;
        return -err;
    case YC__IO_WAIT:
        *dirs = ((io->flags & YC_READABLE) ? 1 << YC__FD_READ : 0) |
                ((io->flags & YC_WRITABLE) ? 1 << YC__FD_WRITE : 0);
        r = ready_now(io->fd, io->flags);
        return r ? r : -EAGAIN;
    default:
        return YC_EINVAL;
    }
    return r >= 0 ? r : -errno;
}

/* Finishes p with r; a write cut short after some bytes reports them. */
static int finish(struct yc__prim *p, struct yc__io *io, ssize_t r) {
    if (r < 0 && io->done > 0)
        r = (ssize_t)io->done;
    if (io->int_result)
        return yc__prim_done(p, (int)r);
    return yc__prim_done_ssize(p, r);
}

int yc__io_run(struct yc__sched *abi, struct yc__prim *p, struct yc__io *io) {
    struct yc__sched_full *s = yc__full(abi);
    int rc = p->hdr.state == 0 ? yc__checkpoint(abi) : yc__fd_woken(s, p);
    if (rc)
        return finish(p, io, rc);
    /* Woken as ready, then the fd was closed before this ran: its number
       may name another file now. */
    struct yc__fd *e = yc__fd_peek(&s->poll, io->fd);
    if (p->hdr.state != 0 && (!e || e->gen != io->gen))
        return finish(p, io, YC_EBADF);
    rc = yc__fd_use(s, io->fd, &e);
    if (!rc &&
        (e->nonsock || io->op == YC__IO_ACCEPT || io->op == YC__IO_CONNECT))
        rc = yc__fd_recheck(s, io->fd, &e);
    if (rc)
        return finish(p, io, rc);
    int renewed = 0;
    for (;;) {
        int dirs;
        ssize_t r = attempt(s, io, e, &dirs);
        if (r == -EINTR)
            continue;
        /* A socket's number closed behind the runtime's back and reused by
           another kind of file: start over with the new one. */
        if (r == -ENOTSOCK && !e->nonsock && !renewed) {
            renewed = 1;
            rc = yc__fd_renew(s, io->fd, &e);
            if (rc)
                return finish(p, io, rc);
            continue;
        }
        if (r != -EAGAIN && r != -EWOULDBLOCK)
            return finish(p, io, r);
        io->gen = e->gen;
        rc = yc__fd_block(s, p, io->links, io->fd, e, dirs, io->deadline);
        return rc == YC__SUSPENDED ? rc : finish(p, io, rc);
    }
}

/* ------------------------------------------------------------------ */
/* The calls                                                           */
/* ------------------------------------------------------------------ */

/* Every call's frame: its arguments, then the operation. */
#define IO_FRAME(name)                                                         \
    struct name##_frame {                                                      \
        struct yc__prim p;                                                     \
        struct yc__yc_##name##_args a;                                         \
        struct yc__io io;                                                      \
    }

/* Starts the operation at state 0, then runs it. */
#define IO_RUN(name, setup)                                                    \
    static int name##_run(struct name##_frame *f, struct yc__sched *s) {       \
        if (f->p.hdr.state == 0) {                                             \
            struct yc__io *io = &f->io;                                        \
            memset(io, 0, sizeof *io);                                         \
            setup;                                                             \
        }                                                                      \
        return yc__io_run(s, &f->p, &f->io);                                   \
    }

struct yc__yc_read_args {
    int fd;
    void *buf;
    size_t n;
    int64_t deadline;
};
IO_FRAME(read);
IO_RUN(read, (io->op = YC__IO_READ, io->fd = f->a.fd, io->u.buf = f->a.buf,
              io->n = f->a.n, io->deadline = f->a.deadline))
YC__PRIMITIVE_TYPED(yc_read, ssize_t, yc__prim_call_ssize, struct read_frame,
                    read_run, 0,
                    (int fd, void *buf, size_t n, int64_t deadline),
                    (fd, buf, n, deadline))

struct yc__yc_recv_args {
    int fd;
    void *buf;
    size_t n;
    int flags;
    int64_t deadline;
};
IO_FRAME(recv);
IO_RUN(recv,
       (io->op = YC__IO_RECV, io->fd = f->a.fd, io->u.buf = f->a.buf,
        io->n = f->a.n, io->flags = f->a.flags, io->deadline = f->a.deadline))
YC__PRIMITIVE_TYPED(yc_recv, ssize_t, yc__prim_call_ssize, struct recv_frame,
                    recv_run, 0,
                    (int fd, void *buf, size_t n, int flags, int64_t deadline),
                    (fd, buf, n, flags, deadline))

struct yc__yc_readv_args {
    int fd;
    const struct iovec *iov;
    int iovcnt;
    int64_t deadline;
};
IO_FRAME(readv);
static int readv_run(struct readv_frame *f, struct yc__sched *s) {
    if (f->p.hdr.state == 0) {
        struct yc__io *io = &f->io;
        memset(io, 0, sizeof *io);
        if (f->a.iovcnt < 0 || f->a.iovcnt > IOV_MAX)
            return yc__prim_done_ssize(&f->p, YC_EINVAL);
        io->op = YC__IO_READV;
        io->fd = f->a.fd;
        io->u.iov = f->a.iov;
        io->n = (size_t)f->a.iovcnt;
        io->deadline = f->a.deadline;
    }
    return yc__io_run(s, &f->p, &f->io);
}
YC__PRIMITIVE_TYPED(yc_readv, ssize_t, yc__prim_call_ssize, struct readv_frame,
                    readv_run, 0,
                    (int fd, const struct iovec *iov, int iovcnt,
                     int64_t deadline),
                    (fd, iov, iovcnt, deadline))

struct yc__yc_write_args {
    int fd;
    const void *buf;
    size_t n;
    int64_t deadline;
};
IO_FRAME(write);
IO_RUN(write, (io->op = YC__IO_WRITE, io->fd = f->a.fd, io->u.cbuf = f->a.buf,
               io->n = f->a.n, io->deadline = f->a.deadline))
YC__PRIMITIVE_TYPED(yc_write, ssize_t, yc__prim_call_ssize, struct write_frame,
                    write_run, 0,
                    (int fd, const void *buf, size_t n, int64_t deadline),
                    (fd, buf, n, deadline))

struct yc__yc_send_args {
    int fd;
    const void *buf;
    size_t n;
    int flags;
    int64_t deadline;
};
IO_FRAME(send);
IO_RUN(send,
       (io->op = YC__IO_SEND, io->fd = f->a.fd, io->u.cbuf = f->a.buf,
        io->n = f->a.n, io->flags = f->a.flags, io->deadline = f->a.deadline))
YC__PRIMITIVE_TYPED(yc_send, ssize_t, yc__prim_call_ssize, struct send_frame,
                    send_run, 0,
                    (int fd, const void *buf, size_t n, int flags,
                     int64_t deadline),
                    (fd, buf, n, flags, deadline))

/* writev copies the iovec array into the frame, after the operation, so
   that it can advance through it without touching the caller's. */
struct yc__yc_writev_args {
    int fd;
    const struct iovec *iov;
    int iovcnt;
    int64_t deadline;
};
IO_FRAME(writev);
static int writev_run(struct writev_frame *f, struct yc__sched *s) {
    if (f->p.hdr.state == 0) {
        struct yc__io *io = &f->io;
        memset(io, 0, sizeof *io);
        if (f->a.iovcnt < 0 || f->a.iovcnt > IOV_MAX)
            return yc__prim_done_ssize(&f->p, YC_EINVAL);
        io->op = YC__IO_WRITEV;
        io->fd = f->a.fd;
        io->u.wiov = (struct iovec *)(void *)(f + 1);
        memcpy(io->u.wiov, f->a.iov, (size_t)f->a.iovcnt * sizeof *f->a.iov);
        io->n = (size_t)f->a.iovcnt;
        io->deadline = f->a.deadline;
        advance_iov(io, 0);
    }
    return yc__io_run(s, &f->p, &f->io);
}
#define WRITEV_EXTRA(n)                                                        \
    ((n) > 0 && (n) <= IOV_MAX ? (size_t)(n) * sizeof(struct iovec) : 0)
YC__PRIMITIVE_TYPED(yc_writev, ssize_t, yc__prim_call_ssize,
                    struct writev_frame, writev_run, WRITEV_EXTRA(iovcnt),
                    (int fd, const struct iovec *iov, int iovcnt,
                     int64_t deadline),
                    (fd, iov, iovcnt, deadline))

struct yc__yc_accept_args {
    int fd;
    struct sockaddr *addr;
    socklen_t *addrlen;
    int64_t deadline;
};
IO_FRAME(accept);
IO_RUN(accept, (io->op = YC__IO_ACCEPT, io->fd = f->a.fd,
                io->u.addr = f->a.addr, io->alen = f->a.addrlen,
                io->deadline = f->a.deadline, io->int_result = 1))
YC__PRIMITIVE(yc_accept, struct accept_frame, accept_run,
              (int fd, struct sockaddr *addr, socklen_t *addrlen,
               int64_t deadline),
              (fd, addr, addrlen, deadline))

struct yc__yc_connect_args {
    int fd;
    const struct sockaddr *addr;
    socklen_t addrlen;
    int64_t deadline;
};
IO_FRAME(connect);
IO_RUN(connect, (io->op = YC__IO_CONNECT, io->fd = f->a.fd,
                 io->u.caddr = f->a.addr, io->clen = f->a.addrlen,
                 io->deadline = f->a.deadline, io->int_result = 1))
YC__PRIMITIVE(yc_connect, struct connect_frame, connect_run,
              (int fd, const struct sockaddr *addr, socklen_t addrlen,
               int64_t deadline),
              (fd, addr, addrlen, deadline))

struct yc__yc_wait_fd_args {
    int fd;
    int events;
    int64_t deadline;
};
IO_FRAME(wait_fd);
static int wait_fd_run(struct wait_fd_frame *f, struct yc__sched *s) {
    if (f->p.hdr.state == 0) {
        struct yc__io *io = &f->io;
        memset(io, 0, sizeof *io);
        if (!f->a.events || (f->a.events & ~(YC_READABLE | YC_WRITABLE)))
            return yc__prim_done(&f->p, YC_EINVAL);
        io->op = YC__IO_WAIT;
        io->fd = f->a.fd;
        io->flags = f->a.events;
        io->deadline = f->a.deadline;
        io->int_result = 1;
    }
    return yc__io_run(s, &f->p, &f->io);
}
YC__PRIMITIVE(yc_wait_fd, struct wait_fd_frame, wait_fd_run,
              (int fd, int events, int64_t deadline), (fd, events, deadline))

/* ------------------------------------------------------------------ */
/* Sockets                                                             */
/* ------------------------------------------------------------------ */

int yc_socket(int domain, int type, int protocol) {
    int fd = socket(domain, type | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol);
    if (fd < 0)
        return -errno;
    struct yc__sched_full *s = yc__sched_peek();
    if (s)
        yc__fd_fresh(s, fd, (type & 0xf) == SOCK_STREAM);
    return fd;
}

/* Fills *a with the numeric address ip:port (NULL: any IPv4 address).
   Returns its length, or 0 if ip is not a numeric address. */
static socklen_t make_addr(struct sockaddr_storage *a, const char *ip,
                           int port) {
    memset(a, 0, sizeof *a);
    if (port < 0 || port > 65535)
        return 0;
    struct sockaddr_in *v4 = (struct sockaddr_in *)(void *)a;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)(void *)a;
    if (!ip || inet_pton(AF_INET, ip, &v4->sin_addr) == 1) {
        if (!ip)
            v4->sin_addr.s_addr = htonl(INADDR_ANY);
        v4->sin_family = AF_INET;
        v4->sin_port = htons((uint16_t)port);
        return sizeof *v4;
    }
    if (inet_pton(AF_INET6, ip, &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons((uint16_t)port);
        return sizeof *v6;
    }
    return 0;
}

int yc_tcp_listen(const char *ip, int port, int backlog) {
    struct sockaddr_storage a;
    socklen_t len = make_addr(&a, ip, port);
    if (!len)
        return YC_EINVAL;
    int fd = yc_socket(a.ss_family, SOCK_STREAM, 0);
    if (fd < 0)
        return fd;
    int one = 1;
    if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) < 0 ||
        bind(fd, (struct sockaddr *)&a, len) < 0 || listen(fd, backlog) < 0) {
        int rc = -errno;
        yc_close(fd);
        return rc;
    }
    return fd;
}

/* yc_tcp_connect: a socket, then the connect operation on it. */
struct yc__yc_tcp_connect_args {
    const char *ip;
    int port;
    int64_t deadline;
};
struct tcp_connect_frame {
    struct yc__prim p;
    struct yc__yc_tcp_connect_args a;
    struct sockaddr_storage addr;
    struct yc__io io;
};
static int tcp_connect_run(struct tcp_connect_frame *f, struct yc__sched *s) {
    struct yc__io *io = &f->io;
    if (f->p.hdr.state == 0) {
        memset(io, 0, sizeof *io);
        socklen_t len = make_addr(&f->addr, f->a.ip, f->a.port);
        if (!len || !f->a.ip)
            return yc__prim_done(&f->p, YC_EINVAL);
        int fd = yc_socket(f->addr.ss_family, SOCK_STREAM, 0);
        if (fd < 0)
            return yc__prim_done(&f->p, fd);
        io->op = YC__IO_CONNECT;
        io->fd = fd;
        io->u.caddr = (struct sockaddr *)&f->addr;
        io->clen = len;
        io->deadline = f->a.deadline;
        io->int_result = 1;
    }
    if (yc__io_run(s, &f->p, io) == YC__SUSPENDED)
        return YC__SUSPENDED;
    if (f->p.ret < 0) {
        yc_close(io->fd);
        return YC__DONE;
    }
    return yc__prim_done(&f->p, io->fd);
}
YC__PRIMITIVE(yc_tcp_connect, struct tcp_connect_frame, tcp_connect_run,
              (const char *ip, int port, int64_t deadline),
              (ip, port, deadline))
