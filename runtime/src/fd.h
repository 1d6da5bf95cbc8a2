/* fd.h - what the I/O calls (io.c, stream.c) use of the fd table. */
#ifndef YC_FD_H
#define YC_FD_H

#include "poller.h"
#include "prim.h"

/* Gets fd's entry ready for I/O: the first time, puts the fd in
   non-blocking mode (a blocking call would stop the whole scheduler) and
   finds out whether it is a socket. Returns 0 or a negative code, and the
   entry in *e. */
int yc__fd_prepare(struct yc__sched_full *s, int fd, struct yc__fd **e);
static inline int yc__fd_use(struct yc__sched_full *s, int fd,
                             struct yc__fd **e) {
    struct yc__fd *x = yc__fd_peek(&s->poll, fd);
    if (YC__LIKELY(x && x->known)) {
        *e = x;
        return 0;
    }
    return yc__fd_prepare(s, fd, e);
}

/* Before a system call on a non-socket fd (which may block if the fd is
   blocking), an accept or a connect: checks that fd, entry *e, is the file
   the entry was prepared for (device and inode, one fstat) and still
   non-blocking (one fcntl). Another file (the number was closed with
   plain close() and reused) ends the calls waiting on the old one with
   YC_EBADF and gets the entry prepared afresh; the same file with its
   flag cleared is made non-blocking again. Sockets need no check for
   blocking: their calls pass MSG_DONTWAIT. Eventfds, signalfds and
   timerfds share one inode, so one of them replacing another is not seen.
   Returns 0 or a negative code. */
int yc__fd_recheck(struct yc__sched_full *s, int fd, struct yc__fd **e);
/* Ends the calls waiting on fd's old file and prepares the entry afresh:
   a call on what the entry took for a socket failed with ENOTSOCK. */
int yc__fd_renew(struct yc__sched_full *s, int fd, struct yc__fd **e);

/* Records that fd, a socket, was just created by the runtime
   (non-blocking already), a stream socket if bytestream: calls still
   waiting on an old fd of that number end with YC_EBADF. */
void yc__fd_fresh(struct yc__sched_full *s, int fd, int bytestream);

/* Blocks primitive p until fd (entry e) is ready in one of the
   directions of the mask dirs (bit 1 << YC__FD_READ, 1 << YC__FD_WRITE),
   with one of links per direction, to resume at state 1; the resumed
   step must call yc__fd_woken first. Returns YC__SUSPENDED, or the
   negative code that kept it from waiting (YC_ETIMEDOUT, ...); the caller
   then finishes p with it. */
int yc__fd_block(struct yc__sched_full *s, struct yc__prim *p,
                 struct yc__wlink links[2], int fd, struct yc__fd *e, int dirs,
                 int64_t deadline);

/* What a primitive resumed after yc__fd_block does first: returns 0 (try
   again) or the error that ended the wait (YC_ETIMEDOUT, YC_ECANCELED,
   YC_EBADF when the fd was closed). */
static inline int yc__fd_woken(struct yc__sched_full *s, struct yc__prim *p) {
    s->poll.nwait--;
    s->abi.busy--;
    return p->wait.result;
}

#endif
