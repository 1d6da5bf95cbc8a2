/* poller.h - file descriptor readiness: the table of fds that blocked
   I/O calls wait on, and the poller backend (epoll or poll, chosen at
   build time) through which a scheduler sleeps.

   An I/O call tries its system call first and waits only on EAGAIN: it
   then queues a link on its fd's read or write queue and blocks. The
   poller reports readiness, and every waiter of that direction is woken
   to try again. So readiness is only a hint: a woken call that meets
   EAGAIN once more waits again.

   The epoll backend registers each fd once, edge-triggered, for both
   directions, the first time a call waits on it; a wait then costs no
   epoll_ctl. Because edges are not remembered for fds nobody waits on,
   every wait must be preceded by an attempt (the system call, or a
   poll() of the one fd for yc_wait_fd). The registration stays until
   yc_close or yc_fd_forget. */
#ifndef YC_POLLER_H
#define YC_POLLER_H

#include "yieldc.h"

struct yc__sched_full;

enum { YC__FD_READ = 0, YC__FD_WRITE = 1 };

/* What a scheduler knows of one fd. */
struct yc__fd {
    struct yc__wq q[2];         /* blocked calls: readers, writers */
    unsigned char known;        /* the entry describes the fd: it was made
                                   non-blocking and classified */
    unsigned char registered;   /* watched by the poller, which reports
                                   every new readiness from now on */
    unsigned char bytestream;   /* a stream socket or a pipe: a read that
                                   returns fewer bytes than asked has
                                   emptied it (not so for datagrams, a
                                   terminal's lines, eventfds) */
    unsigned char drained;      /* a bytestream read found it empty
                                   (EAGAIN, or fewer bytes than asked) and
                                   the poller has reported nothing since:
                                   the next read waits without trying */
    unsigned char ended;        /* the poller reported a hang-up or an
                                   error: the end of file or error is there
                                   for good, and no later report comes, so
                                   a short read proves nothing */
    unsigned char nonsock;      /* not a socket: writes guard SIGPIPE */
    unsigned char set_nonblock; /* the runtime made it non-blocking: it is
                                   made blocking again when forgotten or at
                                   exit, since the flag is shared with
                                   every process holding the file (a
                                   terminal, an inherited pipe) */
    dev_t dev;                  /* the file it was prepared for (its
                                   device and inode; 0 when unknown), */
    ino_t ino;                  /* to tell a file reused behind the
                                   runtime's back from a flag change */
    int pidx;                   /* poll backend: index in the watched list,
                                   or -1 */
    unsigned gen;               /* bumped when the fd is closed or
                                   forgotten: a call woken before that and
                                   resumed after must not use the number,
                                   which may name another file by then */
};

/* Entries come in pages that never move, since wait links point into
   them. */
#define YC__FD_PAGE 256

struct yc__poller {
    struct yc__fd **pages; /* pages[fd / YC__FD_PAGE], or NULL */
    unsigned npages;       /* length of pages */
    unsigned nwait;        /* I/O calls blocked on an fd: while nonzero,
                              idling is not a deadlock, and every round
                              polls */
    int wake_fd;           /* the scheduler's wake-up eventfd */
    int epfd;              /* epoll backend: the instance; poll: -1 */
    int *watched;          /* poll backend: fds with entries in use */
    unsigned nwatched;     /* their number */
    unsigned capwatched;   /* allocated */
    struct pollfd *pfds;   /* poll backend: poll's array, capwatched + 1
                              entries, grown with watched so that a wait
                              allocates nothing */
};

/* Sets up the poller watching wake_fd. Returns 0 or a negative code. */
int yc__poller_init(struct yc__poller *p, int wake_fd);
/* Frees the table and closes the poller's own fds. */
void yc__poller_destroy(struct yc__poller *p);
/* The fd a foreign event loop watches (yc_sched_fd). */
int yc__poller_fd(const struct yc__poller *p);
/* Blocks until an fd is ready, a wake-up comes, or for timeout_ns (-1: no
   limit, 0: only looks), waking the calls that wait on ready fds and
   clearing the wake-up fd. */
void yc__poller_wait(struct yc__sched_full *s, int64_t timeout_ns);

/* Backend: makes the poller watch fd (entry e) before a call waits on it.
   Returns 0 or a negative code. */
int yc__poller_watch(struct yc__poller *p, int fd, struct yc__fd *e);
/* Backend: stops watching fd, which is about to be closed or forgotten. */
void yc__poller_unwatch(struct yc__poller *p, int fd, struct yc__fd *e);

/* A wait of timeout_ns (-1: no limit) in the milliseconds that epoll_wait
   and poll take, rounded up: waking before a deadline would only spin. */
static inline int yc__poller_ms(int64_t timeout_ns) {
    if (timeout_ns < 0)
        return -1;
    if (timeout_ns > 1000000000 * YC_MSEC)
        return 1000000000;
    int64_t m = (timeout_ns + YC_MSEC - 1) / YC_MSEC;
    return m > 1000000000 ? 1000000000 : (int)m;
}
/* Frees the fd table (at the scheduler's end). */
void yc__fd_table_free(struct yc__poller *p);

/* The entry of fd, created (with its page) if needed; NULL if fd is
   negative or memory runs out. */
struct yc__fd *yc__fd_get(struct yc__poller *p, int fd);
/* The entry of fd if it exists, else NULL. */
static inline struct yc__fd *yc__fd_peek(const struct yc__poller *p, int fd) {
    unsigned page = (unsigned)fd / YC__FD_PAGE;
    if (fd < 0 || page >= p->npages || !p->pages[page])
        return NULL;
    return &p->pages[page][(unsigned)fd % YC__FD_PAGE];
}
/* Makes the fds that the runtime made non-blocking blocking again (at
   the scheduler's end). */
void yc__fd_restore_all(struct yc__poller *p);
/* The number of fds with entries in use. */
unsigned yc__fd_count(const struct yc__poller *p);
/* Wakes the calls waiting for fd to become readable (dir READ) or
   writable (WRITE) so that they try again. */
void yc__fd_ready(struct yc__sched_full *s, int fd, int dir);
/* Called by an edge-triggered poller before yc__fd_ready when it reports a
   hang-up or an error on fd: sets its entry's `ended`. */
void yc__fd_ended(struct yc__sched_full *s, int fd);

#endif
