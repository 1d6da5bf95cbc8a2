/* poll_poll.c - the portable poller backend: poll(2) over the fds that
   have waiting calls, rebuilt for each wait (YC_POLLER=poll) in an array
   that grows when an fd is first watched, where running out of memory can
   be reported, so that a wait allocates nothing.

   A foreign event loop cannot watch all of them through one fd, so with
   this backend yc_sched_fd reports wake-ups only. */
#include "poller.h"
#include "wait.h"

#include <errno.h>
#include <poll.h>

int yc__poller_init(struct yc__poller *p, int wake_fd) {
    memset(p, 0, sizeof *p);
    p->wake_fd = wake_fd;
    p->epfd = -1;
    return 0;
}

void yc__poller_destroy(struct yc__poller *p) {
    yc__fd_table_free(p);
    free(p->watched);
    free(p->pfds);
}

int yc__poller_fd(const struct yc__poller *p) { return p->wake_fd; }

int yc__poller_watch(struct yc__poller *p, int fd, struct yc__fd *e) {
    if (e->pidx >= 0)
        return 0;
    if (p->nwatched == p->capwatched) {
        unsigned n = p->capwatched ? 2 * p->capwatched : 64;
        struct pollfd *pv = realloc(p->pfds, (n + 1) * sizeof *pv);
        if (!pv)
            return YC_ENOMEM;
        p->pfds = pv;
        int *v = realloc(p->watched, n * sizeof *v);
        if (!v)
            return YC_ENOMEM;
        p->watched = v;
        p->capwatched = n;
    }
    e->pidx = (int)p->nwatched;
    p->watched[p->nwatched++] = fd;
    /* poll reports the current state, so nothing is missed from here. */
    e->registered = 1;
    return 0;
}

void yc__poller_unwatch(struct yc__poller *p, int fd, struct yc__fd *e) {
    (void)fd;
    e->registered = 0;
    if (e->pidx < 0)
        return;
    int last = p->watched[--p->nwatched];
    p->watched[e->pidx] = last;
    yc__fd_peek(p, last)->pidx = e->pidx;
    e->pidx = -1;
}

void yc__poller_wait(struct yc__sched_full *s, int64_t timeout_ns) {
    struct yc__poller *p = &s->poll;
    struct pollfd one, *v = p->pfds ? p->pfds : &one; /* one: the wake fd */
    nfds_t n = 0;
    v[n++] = (struct pollfd){.fd = p->wake_fd, .events = POLLIN};
    /* Only fds with waiters: poll reports a hang-up even for fds that ask
       for nothing, which would make an idle closed socket spin. */
    for (unsigned i = 0; i < p->nwatched; i++) {
        struct yc__fd *e = yc__fd_peek(p, p->watched[i]);
        short want = 0;
        if (!yc__wq_empty(&e->q[YC__FD_READ]))
            want |= POLLIN;
        if (!yc__wq_empty(&e->q[YC__FD_WRITE]))
            want |= POLLOUT;
        if (want)
            v[n++] = (struct pollfd){.fd = p->watched[i], .events = want};
    }
    int k = poll(v, n, yc__poller_ms(timeout_ns));
    for (nfds_t i = 0; k > 0 && i < n; i++) {
        short r = v[i].revents;
        if (!r)
            continue;
        k--;
        if (i == 0) {
            yc__wake_clear(&s->wake);
            continue;
        }
        if (r & (POLLIN | POLLHUP | POLLERR | POLLNVAL))
            yc__fd_ready(s, v[i].fd, YC__FD_READ);
        if (r & (POLLOUT | POLLHUP | POLLERR | POLLNVAL))
            yc__fd_ready(s, v[i].fd, YC__FD_WRITE);
    }
}
