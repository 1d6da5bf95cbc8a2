/* echo.c - an echo server: one micro-thread per connection sends back
   every byte it receives. A connection silent for --idle-ms is closed.

       ./echo --port 7000 &
       printf 'hello\n' | nc -q1 127.0.0.1 7000 */
#include "server.h"

#include <stdio.h>

YC_COROUTINE static void echo_conn(struct server *sv, int fd) {
    /* Closed on every way out, cancellation at shutdown included. */
    YC_CLEANUP(yc_cleanup_close) int conn = fd;
    char buf[16384];
    for (;;) {
        ssize_t n =
            YC_AWAIT(yc_read(conn, buf, sizeof buf, server_idle_deadline(sv)));
        if (n <= 0)
            return; /* end of stream, idle timeout, reset, cancelled */
        if (YC_AWAIT(server_write(sv, conn, buf, (size_t)n)) < 0)
            return; /* reset, not reading what it sent, cancelled */
    }
}

YC_COROUTINE int main(int argc, char **argv) {
    struct server sv;
    int rc = server_init(&sv, "echo", argc, argv);
    if (rc)
        return rc;
    YC_AWAIT(server_run(&sv, echo_conn));
    return 0;
}
