// Green sockets: an echo server task accepts 24 concurrent clients, each
// served by its own micro-thread; every client writes 200 KB (far more
// than a socket buffer, so writes wait for room and reads arrive in
// pieces) in one yc_write or, for every third client, through yc_writev,
// and checks every byte that comes back. All on one OS thread.
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t | FileCheck %s

#include "Inputs/assert.h"
#include <arpa/inet.h>
#include <string.h>

enum { CLIENTS = 24, SIZE = 200 * 1000 };

static int port;
static int served;

static unsigned char pattern(int client, long i) {
    return (unsigned char)(client * 131 + i * 7 + (i >> 9));
}

YC_COROUTINE static void serve(int fd) {
    char buf[4096];
    for (;;) {
        ssize_t n = YC_AWAIT(yc_read(fd, buf, sizeof buf, YC_NO_DEADLINE));
        ASSERT_GE(n, 0);
        if (n == 0)
            break;
        ssize_t w = YC_AWAIT(yc_write(fd, buf, (size_t)n, YC_NO_DEADLINE));
        ASSERT_EQ(w, n);
    }
    ASSERT_EQ(yc_close(fd), 0);
    served++;
}

YC_COROUTINE static void acceptor(int lfd) {
    for (int i = 0; i < CLIENTS; i++) {
        int fd = YC_AWAIT(yc_accept(lfd, NULL, NULL, YC_NO_DEADLINE));
        ASSERT_GE(fd, 0);
        YC_SPAWN(serve(fd));
    }
}

YC_COROUTINE static int reader(int fd, int client) {
    static unsigned char buf[CLIENTS][8192];
    long got = 0;
    while (got < SIZE) {
        ssize_t n =
            YC_AWAIT(yc_read(fd, buf[client], sizeof buf[client], YC_NO_DEADLINE));
        ASSERT_GT(n, 0);
        for (ssize_t i = 0; i < n; i++)
            ASSERT_EQ(buf[client][i], pattern(client, got + i));
        got += n;
    }
    return 0;
}

YC_COROUTINE static void client(int i) {
    static unsigned char data[CLIENTS][SIZE];
    for (long k = 0; k < SIZE; k++)
        data[i][k] = pattern(i, k);
    int fd = YC_AWAIT(yc_tcp_connect("127.0.0.1", port, YC_NO_DEADLINE));
    ASSERT_GE(fd, 0);
    // Read concurrently: the server echoes as it goes, so writing all
    // before reading would fill both directions' buffers.
    yc_task *r = YC_ASYNC(reader(fd, i));
    if (i % 3 == 0) {
        struct iovec iov[3] = {{data[i], 1}, {data[i] + 1, 0},
                               {data[i] + 1, SIZE - 1}};
        ssize_t w = YC_AWAIT(yc_writev(fd, iov, 3, YC_NO_DEADLINE));
        ASSERT_EQ(w, SIZE);
    } else {
        ssize_t w = YC_AWAIT(yc_write(fd, data[i], SIZE, YC_NO_DEADLINE));
        ASSERT_EQ(w, SIZE);
    }
    int rc = -1;
    int jr = YC_AWAIT(yc_task_join(r, &rc, sizeof rc, YC_NO_DEADLINE));
    ASSERT_EQ(jr, 0);
    ASSERT_EQ(rc, 0);
    ASSERT_EQ(shutdown(fd, SHUT_WR), 0);
    char c;
    ssize_t eof = YC_AWAIT(yc_read(fd, &c, 1, YC_NO_DEADLINE));
    ASSERT_EQ(eof, 0); // the server closed
    ASSERT_EQ(yc_close(fd), 0);
}

YC_COROUTINE int main(void) {
    int lfd = yc_tcp_listen("127.0.0.1", 0, 64);
    ASSERT_GE(lfd, 0);
    struct sockaddr_in a;
    socklen_t len = sizeof a;
    ASSERT_EQ(getsockname(lfd, (struct sockaddr *)&a, &len), 0);
    port = ntohs(a.sin_port);
    YC_SPAWN(acceptor(lfd));
    yc_task *t[CLIENTS];
    for (int i = 0; i < CLIENTS; i++)
        t[i] = YC_ASYNC(client(i));
    for (int i = 0; i < CLIENTS; i++) {
        int rc = YC_AWAIT(yc_task_join(t[i], NULL, 0, YC_NO_DEADLINE));
        ASSERT_EQ(rc, 0);
    }
    // The servers finish after their clients' last read: wait for them.
    while (served < CLIENTS)
        YC_AWAIT(yc_sleep_for(YC_MSEC));
    ASSERT_EQ(yc_close(lfd), 0);
    printf("%d clients echoed %d bytes each, %d served\n", CLIENTS, SIZE, served);
    // CHECK: 24 clients echoed 200000 bytes each, 24 served
    return 0;
}
