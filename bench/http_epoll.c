/* http_epoll.c - the baseline of row 10: the http example's GET /hello
   served by a hand-written loop on one thread, level-triggered epoll over
   non-blocking sockets, with keep-alive and pipelining. It uses the
   example's parser and response writer (examples/http_parse.c), so the
   response bytes are the same and the two differ only in how they wait:
   a callback state machine here, a micro-thread per connection there.

       http_epoll [--port N]   (0: any free port; prints the one it got)

   It runs until killed: a benchmark helper, not a server. */
#define _GNU_SOURCE
#include "http_parse.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

static const char hello[] = "Hello, world!\n";

struct conn {
    int fd;            /* the socket */
    char *in;          /* received bytes not yet answered */
    size_t n;          /* their number */
    size_t cap;        /* allocated */
    struct outbuf out; /* responses not yet written */
    size_t sent;       /* bytes of out already written */
    int want_out;      /* registered for EPOLLOUT: out did not fit */
    int closing;       /* close once out is written */
};

static int ep; /* the epoll instance */

static void conn_free(struct conn *c) {
    close(c->fd); /* which also takes it out of the epoll set */
    free(c->in);
    free(c->out.p);
    free(c);
}

/* Answers the complete requests in c->in, as the http example does for
   the routes this one knows (GET or HEAD /hello, 404 otherwise). */
static void answer(struct conn *c) {
    size_t pos = 0;
    while (pos < c->n && !c->closing) {
        struct http_req r;
        long k = http_parse(c->in + pos, c->n - pos, &r);
        if (k < 0) {
            const char *msg = http_reason((int)-k);
            http_respond(&c->out, (int)-k, "text/plain", msg, strlen(msg), 0, 1,
                         0, NULL);
            c->closing = 1;
            break;
        }
        if (k == 0 || c->n - pos - (size_t)k < r.body_len)
            break;
        int get = r.method == HTTP_GET || r.method == HTTP_HEAD;
        if (get && r.path_len == 6 && memcmp(r.path, "/hello", 6) == 0) {
            http_respond(&c->out, 200, "text/plain", hello, sizeof hello - 1,
                         r.keep_alive, r.minor, r.method == HTTP_HEAD, NULL);
        } else {
            static const char msg[] = "not found\n";
            http_respond(&c->out, 404, "text/plain", msg, sizeof msg - 1,
                         r.keep_alive, r.minor, r.method == HTTP_HEAD, NULL);
        }
        pos += (size_t)k + r.body_len;
        c->closing = !r.keep_alive;
    }
    memmove(c->in, c->in + pos, c->n - pos);
    c->n -= pos;
}

/* Writes what it can of c->out. Returns -1 if the connection is done. */
static int flush(struct conn *c) {
    while (c->sent < c->out.n) {
        ssize_t w = write(c->fd, c->out.p + c->sent, c->out.n - c->sent);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0 && errno == EAGAIN)
            break;
        if (w < 0)
            return -1;
        c->sent += (size_t)w;
    }
    int pending = c->sent < c->out.n;
    if (!pending) {
        c->out.n = c->sent = 0;
        if (c->closing || c->out.oom)
            return -1;
    }
    if (pending != c->want_out) {
        struct epoll_event ev = {.events = EPOLLIN | (pending ? EPOLLOUT : 0),
                                 .data.ptr = c};
        epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev);
        c->want_out = pending;
    }
    return 0;
}

/* One readiness report for c. Returns -1 if the connection is done. */
static int on_event(struct conn *c, unsigned events) {
    if (events & (EPOLLIN | EPOLLERR | EPOLLHUP)) {
        if (c->n == c->cap) {
            size_t cap = c->cap ? 2 * c->cap : 4096;
            char *p = cap <= 2 * (HTTP_MAX_HEAD + HTTP_MAX_BODY)
                          ? realloc(c->in, cap)
                          : NULL;
            if (!p)
                return -1;
            c->in = p;
            c->cap = cap;
        }
        ssize_t r = read(c->fd, c->in + c->n, c->cap - c->n);
        if (r == 0 || (r < 0 && errno != EAGAIN && errno != EINTR))
            return -1;
        if (r > 0) {
            c->n += (size_t)r;
            answer(c);
        }
    }
    return flush(c);
}

static void accept_all(int lfd) {
    for (;;) {
        int fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0)
            return; /* EAGAIN: all taken; EMFILE: left queued */
        struct conn *c = calloc(1, sizeof *c);
        struct epoll_event ev = {.events = EPOLLIN, .data.ptr = c};
        if (!c || epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) != 0) {
            free(c);
            close(fd);
            continue;
        }
        c->fd = fd;
    }
}

int main(int argc, char **argv) {
    int port = 0;
    if (argc == 3 && strcmp(argv[1], "--port") == 0) {
        port = atoi(argv[2]);
    } else if (argc != 1) {
        fprintf(stderr, "usage: http_epoll [--port N]\n");
        return 2;
    }
    /* One fd per connection: allow as many as the hard limit. */
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
    signal(SIGPIPE, SIG_IGN);
    int lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    int one = 1;
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a = {.sin_family = AF_INET,
                            .sin_port = htons((uint16_t)port),
                            .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof a;
    if (lfd < 0 || bind(lfd, (struct sockaddr *)&a, sizeof a) != 0 ||
        listen(lfd, 4096) != 0 ||
        getsockname(lfd, (struct sockaddr *)&a, &len) != 0) {
        perror("http_epoll: listen");
        return 2;
    }
    ep = epoll_create1(EPOLL_CLOEXEC);
    struct epoll_event lev = {.events = EPOLLIN, .data.ptr = NULL};
    epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &lev);
    printf("http_epoll listening on 127.0.0.1:%d\n", ntohs(a.sin_port));
    fflush(stdout);
    struct epoll_event evs[256];
    for (;;) {
        int n = epoll_wait(ep, evs, 256, -1);
        for (int i = 0; i < n; i++) {
            struct conn *c = evs[i].data.ptr;
            if (!c)
                accept_all(lfd);
            else if (on_event(c, evs[i].events) < 0)
                conn_free(c);
        }
    }
}
