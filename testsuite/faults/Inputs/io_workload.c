/* io_workload.c - the green I/O calls under injected faults. Built with
   -Wl,--wrap= for read, write, readv, writev, recv, send, recvmsg,
   sendmsg, accept4 and connect, so that the runtime's system calls come
   here first. YC_IO_FAULT selects the fault:

     eintr:K   every Kth call fails with EINTR, having done nothing
     short:K   every call moves at most 1 + (its number % K) bytes
     shortw:K  the same for writes only (with edge-triggered epoll the
               runtime trusts a short read of a stream to have emptied it,
               as the kernel's reads take all that is there)
     eagain:K  every Kth call fails with EAGAIN, having done nothing (a
               level-triggered poller only: with edge-triggered epoll the
               runtime trusts EAGAIN to mean "empty until the next edge")
     reset:N   call N fails with ECONNRESET (ECONNABORTED for accept4,
               ECONNREFUSED for connect)

   The workload sends 100 KB over TCP (connect, accept, write, send,
   writev one way; read, recv, readv the other) and 64 KB through a pipe,
   each side checking the bytes. With eintr, short and eagain every byte
   must arrive; with reset the call that meets it fails with that error,
   the transfer stops and both sides close. Either way the program ends
   with "done" and no task, fd or wait left; a hang, a crash, wrong data
   or a leak is a bug. With YC_IO_COUNT set, prints the number of calls. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>
#include <yieldc.h>

static char mode;  /* 'i' eintr, 's' short, 'a' eagain, 'r' reset, 0 */
static long param; /* K or N */
static long calls; /* wrapped calls so far */

__attribute__((constructor(101))) static void read_env(void) {
    const char *f = getenv("YC_IO_FAULT");
    if (f && strchr(f, ':')) {
        mode = f[0] == 'e' ? (f[1] == 'i' ? 'i' : 'a') : f[0];
        if (!strncmp(f, "shortw:", 7))
            mode = 'w';
        param = atol(strchr(f, ':') + 1);
    }
}

/* Whether the call being wrapped is a read (set by the wrappers). */
static int reading;

/* Whether call number n fails, with *err set; else caps *len. */
static int fault(size_t *len, int *err, int reset_err) {
    long n = ++calls;
    switch (mode) {
    case 'i':
        *err = EINTR;
        return param > 0 && n % param == 0;
    case 'a':
        *err = EAGAIN;
        return param > 0 && n % param == 0;
    case 'w':
        if (reading)
            return 0;
        /* fall through */
    case 's':
        if (len && param > 0 && *len > (size_t)(1 + n % param))
            *len = (size_t)(1 + n % param);
        return 0;
    case 'r':
        *err = reset_err;
        return n == param;
    default:
        return 0;
    }
}

#define WRAP_IO(ret, name, params, args, lenp, is_read)                        \
    ret __real_##name params;                                                  \
    ret __wrap_##name params {                                                 \
        int err;                                                               \
        reading = is_read;                                                     \
        if (fault(lenp, &err, ECONNRESET)) {                                   \
            errno = err;                                                       \
            return -1;                                                         \
        }                                                                      \
        return __real_##name args;                                             \
    }

WRAP_IO(ssize_t, read, (int fd, void *b, size_t n), (fd, b, n), &n, 1)
WRAP_IO(ssize_t, write, (int fd, const void *b, size_t n), (fd, b, n), &n, 0)
WRAP_IO(ssize_t, recv, (int fd, void *b, size_t n, int fl), (fd, b, n, fl), &n,
        1)
WRAP_IO(ssize_t, send, (int fd, const void *b, size_t n, int fl),
        (fd, b, n, fl), &n, 0)

/* readv and friends: a short transfer keeps the first buffer, cut. */
static int cut_iov(const struct iovec *iov, int cnt, struct iovec *one) {
    size_t len = cnt > 0 ? iov[0].iov_len : 0;
    int err;
    if (fault(&len, &err, ECONNRESET)) {
        errno = err;
        return -1;
    }
    if (mode == 's' && cnt > 0) {
        one->iov_base = iov[0].iov_base;
        one->iov_len = len;
        return 1;
    }
    return 0;
}

ssize_t __real_readv(int fd, const struct iovec *iov, int cnt);
ssize_t __wrap_readv(int fd, const struct iovec *iov, int cnt) {
    struct iovec one;
    reading = 1;
    int c = cut_iov(iov, cnt, &one);
    return c < 0 ? -1
           : c   ? __real_readv(fd, &one, 1)
                 : __real_readv(fd, iov, cnt);
}
ssize_t __real_writev(int fd, const struct iovec *iov, int cnt);
ssize_t __wrap_writev(int fd, const struct iovec *iov, int cnt) {
    struct iovec one;
    reading = 0;
    int c = cut_iov(iov, cnt, &one);
    return c < 0 ? -1
           : c   ? __real_writev(fd, &one, 1)
                 : __real_writev(fd, iov, cnt);
}
ssize_t __real_recvmsg(int fd, struct msghdr *m, int fl);
ssize_t __wrap_recvmsg(int fd, struct msghdr *m, int fl) {
    reading = 1;
    struct iovec one, *keep = m->msg_iov;
    size_t keepn = m->msg_iovlen;
    int c = cut_iov(m->msg_iov, (int)m->msg_iovlen, &one);
    if (c < 0)
        return -1;
    if (c) {
        m->msg_iov = &one;
        m->msg_iovlen = 1;
    }
    ssize_t r = __real_recvmsg(fd, m, fl);
    m->msg_iov = keep;
    m->msg_iovlen = keepn;
    return r;
}
ssize_t __real_sendmsg(int fd, const struct msghdr *m, int fl);
ssize_t __wrap_sendmsg(int fd, const struct msghdr *m, int fl) {
    struct iovec one;
    reading = 0;
    int c = cut_iov(m->msg_iov, (int)m->msg_iovlen, &one);
    if (c < 0)
        return -1;
    if (!c)
        return __real_sendmsg(fd, m, fl);
    struct msghdr copy = *m;
    copy.msg_iov = &one;
    copy.msg_iovlen = 1;
    return __real_sendmsg(fd, &copy, fl);
}
int __real_accept4(int fd, struct sockaddr *a, socklen_t *l, int fl);
int __wrap_accept4(int fd, struct sockaddr *a, socklen_t *l, int fl) {
    int err;
    reading = 1;
    if (fault(NULL, &err, ECONNABORTED) && mode != 's' && mode != 'w') {
        errno = err;
        return -1;
    }
    return __real_accept4(fd, a, l, fl);
}
int __real_connect(int fd, const struct sockaddr *a, socklen_t l);
int __wrap_connect(int fd, const struct sockaddr *a, socklen_t l) {
    int err;
    reading = 0;
    if (fault(NULL, &err, ECONNREFUSED) && mode != 's' && mode != 'w') {
        errno = err;
        return -1;
    }
    return __real_connect(fd, a, l);
}

enum { TCP_BYTES = 100000, PIPE_BYTES = 65536 };

static unsigned char byte_at(size_t i) { return (unsigned char)(i * 7 + 3); }

/* Sends n bytes of the pattern in chunks of changing sizes, by write, send
   and writev in turn. Returns 0 or the first error. */
YC_COROUTINE static int sender(int fd, size_t n, int sock) {
    unsigned char buf[3000];
    size_t off = 0;
    for (int k = 0; off < n; k++) {
        size_t len = 1 + (size_t)(k * 997) % sizeof buf;
        if (len > n - off)
            len = n - off;
        for (size_t i = 0; i < len; i++)
            buf[i] = byte_at(off + i);
        ssize_t w;
        if (!sock || k % 3 == 0) {
            w = YC_AWAIT(yc_write(fd, buf, len, YC_NO_DEADLINE));
        } else if (k % 3 == 1) {
            w = YC_AWAIT(yc_send(fd, buf, len, 0, YC_NO_DEADLINE));
        } else {
            struct iovec v[2] = {{buf, len / 2},
                                 {buf + len / 2, len - len / 2}};
            w = YC_AWAIT(yc_writev(fd, v, 2, YC_NO_DEADLINE));
        }
        if (w < 0)
            return (int)w;
        if ((size_t)w != len)
            return -1000; /* a write must write everything */
        off += len;
    }
    return 0;
}

/* Receives until end of file, checking the pattern; by read, recv and
   readv in turn. Returns the bytes received, or the first error. */
YC_COROUTINE static long receiver(int fd, int sock) {
    unsigned char buf[2500];
    size_t off = 0;
    for (int k = 0;; k++) {
        ssize_t r;
        if (!sock || k % 3 == 0) {
            r = YC_AWAIT(yc_read(fd, buf, sizeof buf, YC_NO_DEADLINE));
        } else if (k % 3 == 1) {
            r = YC_AWAIT(yc_recv(fd, buf, sizeof buf, 0, YC_NO_DEADLINE));
        } else {
            struct iovec v[2] = {{buf, 100}, {buf + 100, sizeof buf - 100}};
            r = YC_AWAIT(yc_readv(fd, v, 2, YC_NO_DEADLINE));
        }
        if (r < 0)
            return r;
        if (r == 0)
            return (long)off;
        for (ssize_t i = 0; i < r; i++)
            if (buf[i] != byte_at(off + (size_t)i))
                return -2000; /* wrong data */
        off += (size_t)r;
    }
}

static void report(const char *what, long got, size_t want) {
    if (got == (long)want)
        printf("%s ok\n", what);
    else if (got == -1000 || got == -2000 || got >= 0)
        printf("%s WRONG (%ld of %zu)\n", what, got, want);
    else
        printf("%s error %s\n", what, yc_err_name((int)got));
}

YC_COROUTINE static long tcp_server(int lfd) {
    int c = YC_AWAIT(yc_accept(lfd, NULL, NULL, YC_NO_DEADLINE));
    if (c < 0)
        return c;
    long got = YC_AWAIT(receiver(c, 1));
    yc_close(c);
    return got;
}

YC_COROUTINE static void tcp(void) {
    int lfd = yc_tcp_listen("127.0.0.1", 0, 8);
    if (lfd < 0) {
        printf("tcp listen %s\n", yc_err_name(lfd));
        return;
    }
    struct sockaddr_storage a;
    socklen_t len = sizeof a;
    getsockname(lfd, (struct sockaddr *)&a, &len);
    int port = ntohs(((struct sockaddr_in *)&a)->sin_port);
    yc_task *srv = YC_ASYNC(tcp_server(lfd));
    int fd = YC_AWAIT(yc_tcp_connect("127.0.0.1", port, YC_NO_DEADLINE));
    int sent = fd;
    if (fd >= 0) {
        sent = YC_AWAIT(sender(fd, TCP_BYTES, 1));
        yc_close(fd); /* the server reads to the end */
    }
    if (fd < 0 || sent < 0)
        yc_task_cancel(srv); /* nothing comes: its accept or read ends */
    long got = 0;
    YC_AWAIT(yc_task_join(srv, &got, sizeof got, YC_NO_DEADLINE));
    if (fd >= 0 && sent == 0)
        report("tcp", got, TCP_BYTES);
    else
        printf("tcp error %s\n", yc_err_name(sent));
    yc_close(lfd);
}

/* The writer closes its end when done, so the reader meets end of file;
   the reader closes its end when done, so a writer blocked on a full pipe
   ends with YC_EPIPE instead of waiting for ever. */
YC_COROUTINE static int pipe_sender(int fd) {
    int rc = YC_AWAIT(sender(fd, PIPE_BYTES, 0));
    yc_close(fd);
    return rc;
}

YC_COROUTINE static void pipes(void) {
    int p[2];
    if (pipe(p))
        return;
    yc_task *wr = YC_ASYNC(pipe_sender(p[1]));
    long got = YC_AWAIT(receiver(p[0], 0));
    yc_close(p[0]);
    int sent = 0;
    YC_AWAIT(yc_task_join(wr, &sent, sizeof sent, YC_NO_DEADLINE));
    if (sent == 0 || got < 0)
        report("pipe", got, PIPE_BYTES);
    else
        printf("pipe error %s\n", yc_err_name(sent));
}

YC_COROUTINE int main(void) {
    YC_AWAIT(tcp());
    YC_AWAIT(pipes());
    struct yc_sched_stats st;
    yc_sched_stats(&st);
    printf("done: tasks %u fds %u io_waits %u\n", st.tasks, st.fds,
           st.io_waits);
    if (getenv("YC_IO_COUNT"))
        fprintf(stderr, "calls: %ld\n", calls);
    return 0;
}
