/* server.c - the accept loop, options and signals of the example
   servers. Signals arrive through a signalfd read by a micro-thread, so
   that they are handled between micro-threads like any other input. */
#define _GNU_SOURCE
#include "server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/signalfd.h>

static void usage(const char *name) {
    fprintf(stderr,
            "usage: %s [--ip ADDR] [--port N] [--idle-ms N] "
            "[--output-timeout-ms N] [--threads N]\n"
            "  --ip ADDR    numeric address to listen on (127.0.0.1)\n"
            "  --port N     port; 0 picks a free one, printed at start (0)\n"
            "  --idle-ms N  close connections silent for N ms (0: never)\n"
            "  --output-timeout-ms N\n"
            "               cut off clients that leave their replies unread\n"
            "               for N ms (10000; 0: never)\n"
            "  --threads N  serve on N scheduler threads (1; 0: one per "
            "CPU)\n",
            name);
}

/* The signals the servers take through their signalfd. */
static void signal_set(sigset_t *set) {
    sigemptyset(set);
    sigaddset(set, SIGTERM);
    sigaddset(set, SIGINT);
    sigaddset(set, SIGUSR1);
}

/* A listening socket that other threads' sockets share the port of
   (SO_REUSEPORT: the kernel spreads connections over them). Returns the
   fd or a negative code. */
static int listen_shared(const char *ip, int port) {
    struct sockaddr_in a4;
    struct sockaddr_in6 a6;
    struct sockaddr *a;
    socklen_t len;
    memset(&a4, 0, sizeof a4);
    memset(&a6, 0, sizeof a6);
    if (inet_pton(AF_INET, ip, &a4.sin_addr) == 1) {
        a4.sin_family = AF_INET;
        a4.sin_port = htons((uint16_t)port);
        a = (struct sockaddr *)&a4;
        len = sizeof a4;
    } else if (inet_pton(AF_INET6, ip, &a6.sin6_addr) == 1) {
        a6.sin6_family = AF_INET6;
        a6.sin6_port = htons((uint16_t)port);
        a = (struct sockaddr *)&a6;
        len = sizeof a6;
    } else {
        return YC_EINVAL;
    }
    int fd = yc_socket(a->sa_family, SOCK_STREAM, 0);
    if (fd < 0)
        return fd;
    int one = 1;
    if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) < 0 ||
        setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one) < 0 ||
        bind(fd, a, len) < 0 || listen(fd, 4096) < 0) {
        int rc = -errno;
        yc_close(fd);
        return rc;
    }
    return fd;
}

int server_init(struct server *sv, const char *name, int argc, char **argv) {
    memset(sv, 0, sizeof *sv);
    sv->name = name;
    sv->ip = "127.0.0.1";
    sv->idle = YC_NO_DEADLINE;
    sv->output_timeout = 10 * YC_SEC;
    sv->cores = 1;
    for (int i = 1; i < argc; i++) {
        char *end = NULL;
        long v = 0;
        if (i + 1 < argc && strcmp(argv[i], "--ip") == 0) {
            sv->ip = argv[++i];
            continue;
        }
        if (i + 1 < argc && (strcmp(argv[i], "--port") == 0 ||
                             strcmp(argv[i], "--idle-ms") == 0 ||
                             strcmp(argv[i], "--output-timeout-ms") == 0 ||
                             strcmp(argv[i], "--threads") == 0)) {
            v = strtol(argv[i + 1], &end, 10);
            if (*end || v < 0) {
                fprintf(stderr, "%s: %s takes a number, not '%s'\n", name,
                        argv[i], argv[i + 1]);
                return 2;
            }
            if (argv[i][2] == 't') {
                if (v > 256) {
                    fprintf(stderr, "%s: --threads takes 0 to 256\n", name);
                    return 2;
                }
                sv->cores = v ? (unsigned)v : 0;
            } else if (argv[i][2] == 'p')
                sv->port = (int)v;
            else if (argv[i][2] == 'i')
                sv->idle = v ? v * YC_MSEC : YC_NO_DEADLINE;
            else
                sv->output_timeout = v ? v * YC_MSEC : YC_NO_DEADLINE;
            i++;
            continue;
        }
        usage(name);
        return 2;
    }
    /* One fd per connection: allow as many as the hard limit. */
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }

    /* Blocked before anyone can know the port and signal (and before the
       threads start, which inherit the mask): from here they wait for
       the signalfd of server_run. */
    sigset_t set;
    signal_set(&set);
    sigprocmask(SIG_BLOCK, &set, NULL);
    if (sv->cores != 1) {
        yc_threads_start(sv->cores);
        sv->cores = yc_threads_count();
    }
    sv->lfd = sv->cores > 1 ? listen_shared(sv->ip, sv->port)
                            : yc_tcp_listen(sv->ip, sv->port, 4096);
    if (sv->lfd < 0) {
        fprintf(stderr, "%s: cannot listen on %s:%d: %s\n", name, sv->ip,
                sv->port, yc_strerror(sv->lfd));
        return 2;
    }
    struct sockaddr_storage a;
    socklen_t len = sizeof a;
    getsockname(sv->lfd, (struct sockaddr *)&a, &len);
    sv->port =
        ntohs(a.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&a)->sin6_port
                                      : ((struct sockaddr_in *)&a)->sin_port);
    printf("%s listening on %s:%d\n", name, sv->ip, sv->port);
    fflush(stdout);
    return 0;
}

int64_t server_idle_deadline(const struct server *sv) {
    return sv->idle < 0 ? YC_NO_DEADLINE : yc_now() + sv->idle;
}

YC_COROUTINE int server_write(struct server *sv, int fd, const char *p,
                              size_t n) {
    while (n) {
        int64_t idle = server_idle_deadline(sv);
        int64_t out = sv->output_timeout < 0 ? YC_NO_DEADLINE
                                             : yc_now() + sv->output_timeout;
        int by_output =
            out != YC_NO_DEADLINE && (idle == YC_NO_DEADLINE || out < idle);
        /* Cut short by the deadline after some bytes, a write returns
           them: the client reads, and the clock starts again. */
        ssize_t w = YC_AWAIT(yc_write(fd, p, n, by_output ? out : idle));
        if (w < 0) {
            if (w == YC_ETIMEDOUT && by_output) {
                __atomic_fetch_add(&sv->cut_off, 1, __ATOMIC_RELAXED);
                fprintf(stderr,
                        "%s: a client left %zu bytes of replies unread for "
                        "%lld ms: disconnected\n",
                        sv->name, n, (long long)(sv->output_timeout / YC_MSEC));
            }
            return (int)w;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

int server_stats_line(const struct server *sv, char *buf, size_t n) {
    struct yc_sched_stats st;
    yc_sched_stats(&st);
    struct mallinfo2 mi = mallinfo2();
    return snprintf(buf, n,
                    "%s stats: tasks=%u fds=%u io_waits=%u heap=%zu "
                    "connections=%lu cut_off=%lu",
                    sv->name, st.tasks, st.fds, st.io_waits, mi.uordblks,
                    __atomic_load_n(&sv->accepted, __ATOMIC_RELAXED),
                    __atomic_load_n(&sv->cut_off, __ATOMIC_RELAXED));
}

void server_print_stats(const struct server *sv) {
    char line[256];
    server_stats_line(sv, line, sizeof line);
    printf("%s\n", line);
    fflush(stdout);
}

/* Reads signals until SIGTERM or SIGINT, then closes the listening
   socket, which ends the accept loop. */
YC_COROUTINE static void watch_signals(struct server *sv, int sfd) {
    for (;;) {
        struct signalfd_siginfo si;
        ssize_t n = YC_AWAIT(yc_read(sfd, &si, sizeof si, YC_NO_DEADLINE));
        if (n != (ssize_t)sizeof si)
            break;
        if (si.ssi_signo == SIGUSR1) {
            server_print_stats(sv);
            continue;
        }
        break;
    }
    yc_close(sv->lfd);
}

/* A connection served by plain C on a stackful micro-thread. */
struct server_thread {
    struct server_thread *prev, *next; /* the server's live list */
    struct server *sv;                 /* the server */
    server_thread_fn *fn;              /* what serves it */
    int fd;                            /* the connection, owned by fn */
    yc_task *task; /* the micro-thread, from when it first runs; the
                      handle itself is detached, so this is the only way
                      to cancel it */
};

/* The body of a connection's stackful micro-thread: serves it, then
   leaves the live list and frees its record. */
static void *thread_main(void *arg) {
    struct server_thread *t = arg;
    struct server *sv = t->sv;
    t->task = yc_task_current();
    if (sv->stopping)
        yc_task_cancel(t->task); /* accepted just before the stop */
    t->fn(sv, t->fd);
    if (t->prev)
        t->prev->next = t->next;
    else
        sv->threads = t->next;
    if (t->next)
        t->next->prev = t->prev;
    free(t);
    if (--sv->nthreads == 0)
        yc_event_set(&sv->threads_done);
    return NULL;
}

/* Starts fd's stackful micro-thread, detached: it takes itself off the
   live list when it ends, so nothing is left to join. */
static void start_thread(struct server *sv, server_thread_fn *fn, int fd) {
    struct server_thread *t = calloc(1, sizeof *t);
    if (!t) {
        yc_close(fd);
        return;
    }
    t->sv = sv;
    t->fn = fn;
    t->fd = fd;
    t->next = sv->threads;
    if (sv->threads)
        sv->threads->prev = t;
    sv->threads = t;
    sv->nthreads++;
    yc_event_clear(&sv->threads_done);
    yc_task_detach(yc_go(thread_main, t, 0));
}

/* The accept loop of both kinds of server, until the listening socket
   is closed: a connection is served by the coroutine conn on a task of
   the group, or, when conn is NULL, by fn on a stackful micro-thread.
   Then the connections still open are cancelled and waited for. */
YC_COROUTINE static void accept_loop(struct server *sv, server_conn_fn conn,
                                     server_thread_fn *fn) {
    yc_group conns;
    yc_group_init(&conns, 0);
    for (;;) {
        int fd = YC_AWAIT(yc_accept(sv->lfd, NULL, NULL, YC_NO_DEADLINE));
        if (fd == YC_EBADF)
            break; /* the listening socket was closed: stop */
        if (fd == YC_EMFILE || fd == YC_ENOMEM || fd == -ENFILE) {
            /* Out of fds: the connection stays queued; let some close. */
            YC_AWAIT(yc_sleep_for(10 * YC_MSEC));
            continue;
        }
        if (fd < 0)
            continue; /* the client gave up (ECONNABORTED, ...) */
        __atomic_fetch_add(&sv->accepted, 1, __ATOMIC_RELAXED);
        if (conn)
            yc_group_add(&conns, YC_ASYNC(conn(sv, fd)));
        else
            start_thread(sv, fn, fd);
    }
    yc_group_cancel(&conns);
    YC_AWAIT(yc_group_wait(&conns, YC_NO_DEADLINE));
    sv->stopping = 1;
    for (struct server_thread *t = sv->threads; t; t = t->next)
        if (t->task)
            yc_task_cancel(t->task);
    if (sv->nthreads)
        YC_AWAIT(yc_event_wait(&sv->threads_done, YC_NO_DEADLINE));
}

/* Closes this thread's listening socket once the server stops. */
YC_COROUTINE static void close_at_stop(struct server *sv) {
    YC_AWAIT(yc_event_wait(sv->stop, YC_NO_DEADLINE));
    yc_close(sv->lfd);
}

/* What thread k (k > 0) of a server with --threads runs: its own
   socket, its own accept loop, its own stats line at the end. */
YC_COROUTINE static int serve_thread(struct server *sv, server_conn_fn conn,
                                     server_thread_fn *fn) {
    sv->lfd = listen_shared(sv->ip, sv->port);
    if (sv->lfd < 0) {
        fprintf(stderr, "%s: cannot listen on %s:%d: %s\n", sv->name, sv->ip,
                sv->port, yc_strerror(sv->lfd));
        return sv->lfd;
    }
    yc_task *closer = YC_ASYNC(close_at_stop(sv));
    YC_AWAIT(accept_loop(sv, conn, fn));
    YC_AWAIT(yc_task_join(closer, NULL, 0, YC_NO_DEADLINE));
    server_print_stats(sv);
    return 0;
}

/* Thread 0: the signals, the other threads, its own accept loop. */
YC_COROUTINE static void run(struct server *sv, server_conn_fn conn,
                             server_thread_fn *fn) {
    sigset_t set;
    signal_set(&set);
    int sfd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
    if (sfd < 0) {
        perror("signalfd");
        return;
    }
    yc_task *sig = YC_ASYNC(watch_signals(sv, sfd));
    unsigned others = sv->cores > 1 ? sv->cores - 1 : 0;
    yc_event stop;
    struct server *peer = calloc(others ? others : 1, sizeof *peer);
    char(*names)[64] = calloc(others ? others : 1, sizeof *names);
    yc_task **peer_task = calloc(others ? others : 1, sizeof *peer_task);
    if (!peer || !names || !peer_task) {
        perror("calloc");
        others = 0;
    }
    yc_event_init_shared(&stop, 0);
    sv->stop = &stop;
    for (unsigned k = 0; k < others; k++) {
        snprintf(names[k], sizeof names[k], "%s/%u", sv->name, k + 1);
        peer[k] = *sv;
        peer[k].name = names[k];
        peer[k].accepted = peer[k].cut_off = 0;
        peer[k].threads = NULL;
        peer[k].nthreads = 0;
        yc_event_init(&peer[k].threads_done, 0);
        peer_task[k] =
            YC_ASYNC_ON((int)k + 1, serve_thread(&peer[k], conn, fn));
    }
    YC_AWAIT(accept_loop(sv, conn, fn));
    yc_event_set(&stop);
    for (unsigned k = 0; k < others; k++) {
        YC_AWAIT(yc_task_join(peer_task[k], NULL, 0, YC_NO_DEADLINE));
        sv->accepted += peer[k].accepted;
        sv->cut_off += peer[k].cut_off;
    }
    free(peer);
    free(names);
    free(peer_task);
    YC_AWAIT(yc_task_join(sig, NULL, 0, YC_NO_DEADLINE));
    yc_close(sfd);
    server_print_stats(sv);
}

YC_COROUTINE void server_run(struct server *sv, server_conn_fn conn) {
    YC_AWAIT(run(sv, conn, NULL));
}

YC_COROUTINE void server_run_stackful(struct server *sv, server_thread_fn *fn) {
    YC_AWAIT(run(sv, NULL, fn));
}
