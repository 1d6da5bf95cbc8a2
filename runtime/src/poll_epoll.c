/* poll_epoll.c - the epoll poller backend (Linux, the default).

   Each fd is added once, edge-triggered, for both directions, the first
   time a call waits on it: with level triggering, an fd that stays
   readable while its reader is busy elsewhere would be reported on every
   round, and one-shot registration would cost an epoll_ctl per wait. */
#include "poller.h"
#include "sched.h"

#include <errno.h>
#include <sys/epoll.h>
#include <unistd.h>

int yc__poller_init(struct yc__poller *p, int wake_fd) {
    memset(p, 0, sizeof *p);
    p->wake_fd = wake_fd;
    p->epfd = epoll_create1(EPOLL_CLOEXEC);
    if (p->epfd < 0)
        return -errno;
    struct epoll_event ev = {.events = EPOLLIN, .data = {.fd = wake_fd}};
    if (epoll_ctl(p->epfd, EPOLL_CTL_ADD, wake_fd, &ev) < 0) {
        int rc = -errno;
        close(p->epfd);
        return rc;
    }
    return 0;
}

void yc__poller_destroy(struct yc__poller *p) {
    yc__fd_table_free(p);
    close(p->epfd);
}

int yc__poller_fd(const struct yc__poller *p) { return p->epfd; }

int yc__poller_watch(struct yc__poller *p, int fd, struct yc__fd *e) {
    if (YC__LIKELY(e->registered))
        return 0;
    struct epoll_event ev = {
        .events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET,
        .data = {.fd = fd},
    };
    /* EEXIST: registered before its entry was reset (yc_fd_forget). */
    if (epoll_ctl(p->epfd, EPOLL_CTL_ADD, fd, &ev) < 0 && errno != EEXIST)
        return -errno;
    e->registered = 1;
    return 0;
}

void yc__poller_unwatch(struct yc__poller *p, int fd, struct yc__fd *e) {
    if (e->registered)
        epoll_ctl(p->epfd, EPOLL_CTL_DEL, fd, NULL);
    e->registered = 0;
}

void yc__poller_wait(struct yc__sched_full *s, int64_t timeout_ns) {
    struct yc__poller *p = &s->poll;
    struct epoll_event ev[128];
    int n = epoll_wait(p->epfd, ev, 128, yc__poller_ms(timeout_ns));
    for (int i = 0; i < n; i++) {
        int fd = ev[i].data.fd;
        uint32_t e = ev[i].events;
        if (fd == p->wake_fd) {
            yc__wake_clear(&s->wake);
            continue;
        }
        /* A hang-up or an error ends waits of both kinds: the retried
           call reports it. It is reported once (edge-triggered), so the
           reads after it must not wait for another report. */
        if (e & (EPOLLRDHUP | EPOLLHUP | EPOLLERR))
            yc__fd_ended(s, fd);
        if (e & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))
            yc__fd_ready(s, fd, YC__FD_READ);
        if (e & (EPOLLOUT | EPOLLHUP | EPOLLERR))
            yc__fd_ready(s, fd, YC__FD_WRITE);
    }
}
