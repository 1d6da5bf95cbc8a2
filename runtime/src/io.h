/* io.h - one I/O operation on an fd as a resumable step, shared by the
   I/O calls (io.c) and the fd streams (stream.c). */
#ifndef YC_IO_H
#define YC_IO_H

#include "fd.h"

#include <sys/uio.h>

enum yc__io_op {
    YC__IO_READ,    /* read(2) */
    YC__IO_RECV,    /* recv(2) with flags */
    YC__IO_READV,   /* readv(2) */
    YC__IO_WRITE,   /* write(2) until all is written */
    YC__IO_SEND,    /* send(2) with flags, until all is sent */
    YC__IO_WRITEV,  /* writev(2) until all is written */
    YC__IO_ACCEPT,  /* accept4(2) */
    YC__IO_CONNECT, /* connect(2) and its completion */
    YC__IO_WAIT     /* readiness only (yc_wait_fd) */
};

/* An operation in progress, kept in its primitive's frame. */
struct yc__io {
    struct yc__wlink links[2]; /* in the fd's queues while it waits */
    int op;                    /* enum yc__io_op */
    int fd;                    /* the fd */
    int flags;                 /* RECV, SEND: flags; WAIT: YC_READABLE... */
    int int_result;            /* the primitive returns int, not ssize_t */
    int started;               /* CONNECT: connect(2) was called */
    unsigned gen;              /* the fd entry's generation when it
                                  blocked (see struct yc__fd) */
    int64_t deadline;          /* when to give up */
    union {
        void *buf;                    /* READ, RECV */
        const void *cbuf;             /* WRITE, SEND */
        const struct iovec *iov;      /* READV */
        struct iovec *wiov;           /* WRITEV: a copy, advanced as it goes */
        struct sockaddr *addr;        /* ACCEPT */
        const struct sockaddr *caddr; /* CONNECT */
    } u;
    size_t n;        /* bytes; READV, WRITEV: buffers */
    size_t done;     /* bytes written so far */
    socklen_t *alen; /* ACCEPT: in/out address length */
    socklen_t clen;  /* CONNECT: address length */
};

/* Runs io, the operation of primitive p, from p's state (0 at the call,
   1 after a wait): returns YC__DONE with the result in p, or
   YC__SUSPENDED. */
int yc__io_run(struct yc__sched *abi, struct yc__prim *p, struct yc__io *io);

#endif
