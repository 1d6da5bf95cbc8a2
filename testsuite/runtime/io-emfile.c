// accept at the fd limit fails with YC_EMFILE and leaves the connection
// queued: it is accepted once an fd is free again.
// (Valgrind keeps fds of its own at the limit and closes what it accepts
// beyond it, so the connection would be lost there.)
// UNSUPPORTED: valgrind
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t | FileCheck %s

#include "Inputs/assert.h"
#include <arpa/inet.h>
#include <sys/resource.h>
#include <unistd.h>

YC_COROUTINE int main(void) {
    int lfd = yc_tcp_listen("127.0.0.1", 0, 8);
    ASSERT_GE(lfd, 0);
    struct sockaddr_in a;
    socklen_t alen = sizeof a;
    ASSERT_EQ(getsockname(lfd, (struct sockaddr *)&a, &alen), 0);
    int port = ntohs(a.sin_port);
    int cfd = YC_AWAIT(yc_tcp_connect("127.0.0.1", port, YC_NO_DEADLINE));
    ASSERT_GE(cfd, 0);
    // The lowest free fd is `spare` once closed: put it out of reach.
    int spare = dup(lfd);
    ASSERT_GE(spare, 0);
    ASSERT_EQ(close(spare), 0);
    struct rlimit old, low;
    ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &old), 0);
    low = old;
    low.rlim_cur = (rlim_t)spare;
    ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &low), 0);
    int afd = YC_AWAIT(yc_accept(lfd, NULL, NULL, YC_NO_DEADLINE));
    printf("accept at the fd limit: %s\n", yc_err_name(afd));
    // CHECK: accept at the fd limit: YC_EMFILE
    ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &old), 0);
    afd = YC_AWAIT(yc_accept(lfd, NULL, NULL, YC_NO_DEADLINE));
    printf("accept after: %s\n", afd >= 0 ? "ok" : yc_err_name(afd));
    // CHECK: accept after: ok

    ASSERT_EQ(yc_close(afd), 0);
    ASSERT_EQ(yc_close(cfd), 0);
    ASSERT_EQ(yc_close(lfd), 0);
    return 0;
}
