/* server.h - what the example servers share: command-line options, the
   listening socket, the accept loop with one micro-thread per
   connection (a coroutine, or plain C on a stackful micro-thread),
   signals (SIGTERM stops, SIGUSR1 prints the stats line) and that stats
   line. */
#ifndef EXAMPLES_SERVER_H
#define EXAMPLES_SERVER_H

#include <yieldc.h>

struct server {
    const char *name;       /* for messages: "echo", "kv", ... */
    const char *ip;         /* --ip: the address to listen on */
    int port;               /* --port: 0 picks a free one */
    int64_t idle;           /* --idle-ms: a connection silent this long is
                               closed; YC_NO_DEADLINE: never */
    int64_t output_timeout; /* --output-timeout-ms: a connection that
                               leaves its replies unread this long is
                               cut off; YC_NO_DEADLINE: never */
    int lfd;                /* the listening socket */
    unsigned long accepted; /* connections accepted so far */
    unsigned long cut_off;  /* connections cut off for unread replies */
    struct server_thread *threads; /* server_run_stackful: the live
                                      connections, newest first */
    unsigned nthreads;             /* their number */
    int stopping;                  /* set at SIGTERM: a stackful connection that
                              starts after it cancels itself */
    yc_event threads_done;         /* set whenever nthreads drops to 0 */
    unsigned cores;                /* --threads: scheduler threads serving
                              connections, each with its own listening
                              socket on the same port (SO_REUSEPORT) */
    yc_event *stop; /* shared, set at SIGTERM: every thread closes
                              its listening socket */
};

/* Serves one connection; owns fd (closes it with yc_close). */
typedef YC_COROUTINE void (*server_conn_fn)(struct server *sv, int fd);

/* Parses the options, raises the fd limit, listens and prints
   "NAME listening on IP:PORT". Returns 0, or prints why and returns 2. */
int server_init(struct server *sv, const char *name, int argc, char **argv);

/* Accepts connections and serves each with conn on a micro-thread of its
   own until SIGTERM or SIGINT; then cancels the connections still open,
   waits for them and prints the stats line. With --threads N, each of N
   scheduler threads accepts on a listening socket of its own and serves
   its connections there (the kernel spreads new connections over the
   sockets); what conn shares between connections must then be safe
   between threads. Each thread prints its own stats line at the end,
   thread 0's last, with the connections of all. */
YC_COROUTINE void server_run(struct server *sv, server_conn_fn conn);

/* Serves one connection in plain C; owns fd. It runs on a stackful
   micro-thread of its own, where every blocking yc_* call (and code that
   calls them, such as a library reading through yc_stream_read_cb)
   suspends only that micro-thread. */
typedef void server_thread_fn(struct server *sv, int fd);

/* server_run for plain C connections: each is served by fn on a stackful
   micro-thread (yc_go), since YC_ASYNC starts only coroutines. At SIGTERM
   the connections still open are cancelled (their blocking calls fail
   with YC_ECANCELED) and waited for, as with server_run. */
YC_COROUTINE void server_run_stackful(struct server *sv, server_thread_fn *fn);

/* The deadline of a connection's next read: now + the idle timeout. */
int64_t server_idle_deadline(const struct server *sv);

/* Writes the n bytes at p to connection fd, all of them: Redis's client
   output buffer limit, in the form a server that stops making replies
   while its output waits needs. A client that reads none of its replies
   for --output-timeout-ms (its socket buffer full) is cut off with a line
   on stderr, so that it holds a connection's buffer, not the server. The
   idle deadline applies too. Returns 0, or a negative code: close fd. */
YC_COROUTINE int server_write(struct server *sv, int fd, const char *p,
                              size_t n);

/* Prints "NAME stats: tasks=N fds=N io_waits=N heap=BYTES connections=N
   cut_off=N". */
void server_print_stats(const struct server *sv);

/* Writes that line, without the newline, to buf as snprintf does. */
int server_stats_line(const struct server *sv, char *buf, size_t n);

#endif
