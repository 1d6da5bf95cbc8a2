// Green I/O at the edges of its contract (docs/runtime/io.md, yieldc.h):
// yc_writev skips empty buffers and returns the bytes of the others (0 for
// none), yc_writev and yc_readv reject a count below 0 or above IOV_MAX
// with YC_EINVAL, and both work on a pipe as on a socket; yc_recv with
// MSG_PEEK waits for data like a read but leaves it for the next read;
// yc_connect connects a yc_socket (or reports YC_ECONNREFUSED); yc_socket
// passes socket(2)'s error on; yc_tcp_listen takes a numeric IPv6 address
// and, on a port already listened on, fails with YC_EADDRINUSE without
// leaking its socket; yc_tcp_connect needs a numeric address (NULL, a
// name or a bad port: YC_EINVAL) and reports a socket it cannot make
// (YC_EMFILE at the fd limit).
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#define _GNU_SOURCE /* IOV_MAX */
#include <arpa/inet.h>
#include <limits.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>
#include <yieldc.h>

static int port_of(int fd) {
    struct sockaddr_storage a;
    socklen_t len = sizeof a;
    if (getsockname(fd, (struct sockaddr *)&a, &len) != 0)
        return -1;
    if (a.ss_family == AF_INET6)
        return ntohs(((struct sockaddr_in6 *)&a)->sin6_port);
    return ntohs(((struct sockaddr_in *)&a)->sin_port);
}

/* The lowest free fd number (what the next open would get). */
static int lowest_free(void) {
    int fd = dup(1);
    close(fd);
    return fd;
}

/* Reads exactly n bytes into buf, NUL-terminated, or returns the error. */
YC_COROUTINE static ssize_t read_all(int fd, char *buf, size_t n) {
    size_t got = 0;
    while (got < n) {
        ssize_t r = YC_AWAIT(yc_read(fd, buf + got, n - got, YC_NO_DEADLINE));
        if (r <= 0)
            return r;
        got += (size_t)r;
    }
    buf[got] = 0;
    return (ssize_t)got;
}

YC_COROUTINE static ssize_t peek(int fd, char *buf) {
    return YC_AWAIT(yc_recv(fd, buf, 4, MSG_PEEK, YC_NO_DEADLINE));
}

YC_COROUTINE static int accept_one(int lfd) {
    return YC_AWAIT(yc_accept(lfd, NULL, NULL, YC_NO_DEADLINE));
}

/* A connection to lfd over ip, one byte each way. */
YC_COROUTINE static void round_trip(int lfd, const char *ip) {
    yc_task *t = YC_ASYNC(accept_one(lfd));
    int c = YC_AWAIT(yc_tcp_connect(ip, port_of(lfd), YC_NO_DEADLINE));
    int a = -1;
    YC_AWAIT(yc_task_join(t, &a, sizeof a, YC_NO_DEADLINE));
    char buf[2] = "";
    int ok = c >= 0 && a >= 0 &&
             YC_AWAIT(yc_write(c, "6", 1, YC_NO_DEADLINE)) == 1 &&
             YC_AWAIT(read_all(a, buf, 1)) == 1 && buf[0] == '6';
    printf("%s: round trip %s\n", ip, ok ? "ok" : "failed");
    if (c >= 0)
        yc_close(c);
    if (a >= 0)
        yc_close(a);
}

YC_COROUTINE int main(void) {
    int sv[2];
    char buf[16];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
        return 1;

    /* writev: empty buffers before, between and after the others. */
    struct iovec gaps[] = {{"", 0}, {"ab", 2}, {"", 0},
                           {"", 0}, {"cd", 2}, {"", 0}};
    ssize_t w = YC_AWAIT(yc_writev(sv[0], gaps, 6, YC_NO_DEADLINE));
    ssize_t r = YC_AWAIT(read_all(sv[1], buf, 4));
    printf("writev with gaps: %zd, read %zd '%s'\n", w, r, buf);
    // CHECK: writev with gaps: 4, read 4 'abcd'
    struct iovec none[] = {{"", 0}, {"", 0}};
    w = YC_AWAIT(yc_writev(sv[0], none, 2, YC_NO_DEADLINE));
    printf("writev of empty buffers: %zd\n", w);
    // CHECK: writev of empty buffers: 0

    /* The count of buffers must be 0..IOV_MAX. */
    w = YC_AWAIT(yc_writev(sv[0], gaps, -1, YC_NO_DEADLINE));
    printf("writev of -1 buffers: %s\n", yc_err_name((int)w));
    // CHECK: writev of -1 buffers: YC_EINVAL
    w = YC_AWAIT(yc_writev(sv[0], gaps, IOV_MAX + 1, YC_NO_DEADLINE));
    printf("writev of IOV_MAX + 1 buffers: %s\n", yc_err_name((int)w));
    // CHECK: writev of IOV_MAX + 1 buffers: YC_EINVAL
    struct iovec in[] = {{buf, 2}, {buf + 2, 3}};
    r = YC_AWAIT(yc_readv(sv[1], in, -1, YC_NO_DEADLINE));
    printf("readv of -1 buffers: %s\n", yc_err_name((int)r));
    // CHECK: readv of -1 buffers: YC_EINVAL

    /* writev and readv on a pipe (not a socket). */
    int p[2];
    if (pipe(p))
        return 1;
    struct iovec hello[] = {{"he", 2}, {"", 0}, {"llo", 3}};
    w = YC_AWAIT(yc_writev(p[1], hello, 3, YC_NO_DEADLINE));
    memset(buf, 0, sizeof buf);
    struct iovec two[] = {{buf, 3}, {buf + 8, 2}};
    r = YC_AWAIT(yc_readv(p[0], two, 2, YC_NO_DEADLINE));
    printf("pipe: writev %zd, readv %zd '%s' + '%s'\n", w, r, buf, buf + 8);
    // CHECK: pipe: writev 5, readv 5 'hel' + 'lo'
    yc_close(p[0]);
    yc_close(p[1]);

    /* A peek waits for data, and leaves it for the next read. */
    char pk[8] = "";
    yc_task *t = YC_ASYNC(peek(sv[1], pk));
    YC_YIELD(); /* it finds nothing and waits */
    printf("peek waits: %s\n", yc_task_done(t) ? "no" : "yes");
    // CHECK: peek waits: yes
    YC_AWAIT(yc_write(sv[0], "data", 4, YC_NO_DEADLINE));
    YC_AWAIT(yc_task_join(t, &r, sizeof r, YC_NO_DEADLINE));
    printf("peek: %zd '%.4s'\n", r, pk);
    // CHECK: peek: 4 'data'
    r = YC_AWAIT(yc_recv(sv[1], pk, 4, MSG_PEEK, YC_NO_DEADLINE));
    printf("peek again: %zd\n", r);
    // CHECK: peek again: 4
    r = YC_AWAIT(read_all(sv[1], buf, 4));
    printf("read after peeks: %zd '%s'\n", r, buf);
    // CHECK: read after peeks: 4 'data'
    yc_close(sv[0]);
    yc_close(sv[1]);

    /* yc_connect of a socket made by yc_socket. */
    int lfd = yc_tcp_listen("127.0.0.1", 0, 8);
    struct sockaddr_in to = {.sin_family = AF_INET,
                             .sin_port = htons((uint16_t)port_of(lfd))};
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int c = yc_socket(AF_INET, SOCK_STREAM, 0);
    int rc = YC_AWAIT(
        yc_connect(c, (struct sockaddr *)&to, sizeof to, YC_NO_DEADLINE));
    int a = YC_AWAIT(yc_accept(lfd, NULL, NULL, YC_NO_DEADLINE));
    printf("yc_connect: %s, accepted: %s\n", yc_err_name(rc),
           a >= 0 ? "yes" : yc_err_name(a));
    // CHECK: yc_connect: 0, accepted: yes
    yc_close(a);
    yc_close(c);

    /* A port already listened on: the second listen fails, and the
       socket it made is closed. */
    int port = port_of(lfd);
    int before = lowest_free();
    rc = yc_tcp_listen("127.0.0.1", port, 8);
    printf("listen on a busy port: %s, socket closed: %s\n", yc_err_name(rc),
           lowest_free() == before ? "yes" : "no");
    // CHECK: listen on a busy port: YC_EADDRINUSE, socket closed: yes

    /* Nothing listens on a closed listener's port. */
    yc_close(lfd);
    c = yc_socket(AF_INET, SOCK_STREAM, 0);
    rc = YC_AWAIT(
        yc_connect(c, (struct sockaddr *)&to, sizeof to, YC_NO_DEADLINE));
    printf("yc_connect to a closed port: %s\n", yc_err_name(rc));
    // CHECK: yc_connect to a closed port: YC_ECONNREFUSED
    yc_close(c);

    /* socket(2)'s own error. */
    printf("yc_socket(-1, ...): %s\n",
           yc_err_name(yc_socket(-1, SOCK_STREAM, 0)));
    // CHECK: yc_socket(-1, ...): YC_EAFNOSUPPORT

    /* A numeric IPv6 address (where the host has an IPv6 loopback). */
    lfd = yc_tcp_listen("::1", 0, 8);
    if (lfd >= 0) {
        YC_AWAIT(round_trip(lfd, "::1"));
        yc_close(lfd);
    } else {
        printf("::1: no IPv6 loopback: %s\n", yc_err_name(lfd));
    }
    // CHECK: ::1: {{round trip ok|no IPv6 loopback: YC_EADDRNOTAVAIL|no IPv6 loopback: YC_EAFNOSUPPORT}}

    /* yc_tcp_connect takes numeric addresses only, and a real port. */
    rc = YC_AWAIT(yc_tcp_connect(NULL, 80, YC_NO_DEADLINE));
    printf("tcp_connect(NULL): %s\n", yc_err_name(rc));
    // CHECK: tcp_connect(NULL): YC_EINVAL
    rc = YC_AWAIT(yc_tcp_connect("localhost", 80, YC_NO_DEADLINE));
    printf("tcp_connect(\"localhost\"): %s\n", yc_err_name(rc));
    // CHECK: tcp_connect("localhost"): YC_EINVAL
    rc = YC_AWAIT(yc_tcp_connect("127.0.0.1", 65536, YC_NO_DEADLINE));
    printf("tcp_connect to port 65536: %s\n", yc_err_name(rc));
    // CHECK: tcp_connect to port 65536: YC_EINVAL

    /* At the fd limit no socket can be made. */
    struct rlimit old, low;
    if (getrlimit(RLIMIT_NOFILE, &old))
        return 1;
    low = old;
    low.rlim_cur = (rlim_t)lowest_free();
    if (setrlimit(RLIMIT_NOFILE, &low))
        return 1;
    rc = YC_AWAIT(yc_tcp_connect("127.0.0.1", port, YC_NO_DEADLINE));
    int l = yc_tcp_listen("127.0.0.1", 0, 8);
    setrlimit(RLIMIT_NOFILE, &old);
    printf("at the fd limit: tcp_connect %s, tcp_listen %s\n", yc_err_name(rc),
           yc_err_name(l));
    // CHECK: at the fd limit: tcp_connect YC_EMFILE, tcp_listen YC_EMFILE
    return 0;
}
