/* http.c - a small HTTP/1.1 server, one micro-thread per connection:
   keep-alive, pipelined requests answered in order, Content-Length
   bodies, and a few fixed routes:

       GET  /        a small HTML page
       GET  /hello   "Hello, world!\n"
       GET  /stats   the server's stats line
       POST /echo    the request body back

   HEAD works wherever GET does. A malformed request gets 400 (431 for a
   head over 8 KiB, 413 for a body over 1 MiB) and the connection is
   closed; an unknown path gets 404, a known one with the wrong method
   405. A request must arrive whole within --idle-ms of its first byte,
   so a client that trickles a header (slowloris) is closed like a silent
   one.

       ./http --port 8080 --idle-ms 10000 &
       curl -v http://127.0.0.1:8080/hello http://127.0.0.1:8080/ */
#include "http_parse.h"
#include "server.h"

#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

static const char index_html[] =
    "<!DOCTYPE html>\n"
    "<html><head><title>yieldc</title></head>\n"
    "<body><p>Served by a yieldc micro-thread.</p></body></html>\n";

static const char hello[] = "Hello, world!\n";

/* Responses pile up while pipelined requests are answered; past this
   they are written before more requests are run, so memory stays
   bounded whatever the client sends. */
enum { OUT_FLUSH = 64 * 1024 };

struct conn {
    char *in;          /* received bytes not yet answered start at in[0] */
    size_t n;          /* their number */
    size_t cap;        /* allocated */
    int in_body;       /* the head at in[0] is complete, its body is not */
    int64_t deadline;  /* when the request at in[0] must be complete */
    struct outbuf out; /* responses not yet written */
};

static int path_is(const struct http_req *r, const char *p) {
    return r->path_len == strlen(p) && memcmp(r->path, p, r->path_len) == 0;
}

/* Answers one complete request whose body is at body. */
static void route(struct server *sv, const struct http_req *r, const char *body,
                  struct outbuf *o) {
    int get = r->method == HTTP_GET || r->method == HTTP_HEAD;
    int head = r->method == HTTP_HEAD;
    const char *allow = "Allow: GET, HEAD\r\n";
    if (path_is(r, "/") && get) {
        http_respond(o, 200, "text/html; charset=utf-8", index_html,
                     sizeof index_html - 1, r->keep_alive, r->minor, head,
                     NULL);
    } else if (path_is(r, "/hello") && get) {
        http_respond(o, 200, "text/plain", hello, sizeof hello - 1,
                     r->keep_alive, r->minor, head, NULL);
    } else if (path_is(r, "/stats") && get) {
        char line[256];
        int k = server_stats_line(sv, line, sizeof line - 1);
        if (k < 0 || k > (int)sizeof line - 2)
            k = (int)sizeof line - 2; /* cut short: still one line */
        line[k++] = '\n';
        http_respond(o, 200, "text/plain", line, (size_t)k, r->keep_alive,
                     r->minor, head, NULL);
    } else if (path_is(r, "/echo") && r->method == HTTP_POST) {
        http_respond(o, 200, "application/octet-stream", body, r->body_len,
                     r->keep_alive, r->minor, 0, NULL);
    } else if (path_is(r, "/") || path_is(r, "/hello") ||
               path_is(r, "/stats") || path_is(r, "/echo")) {
        if (path_is(r, "/echo"))
            allow = "Allow: POST\r\n";
        static const char msg[] = "method not allowed\n";
        http_respond(o, 405, "text/plain", msg, sizeof msg - 1, r->keep_alive,
                     r->minor, head, allow);
    } else {
        static const char msg[] = "not found\n";
        http_respond(o, 404, "text/plain", msg, sizeof msg - 1, r->keep_alive,
                     r->minor, head, NULL);
    }
}

/* Answers the complete requests at the start of the buffer and keeps
   the rest. Returns 1 to close the connection once the responses are
   written (an error, or a request that did not keep it), 2 if it
   stopped at OUT_FLUSH with more requests possibly buffered, 0 if it
   needs more bytes. Never suspends. */
static int answer(struct server *sv, struct conn *c) {
    size_t pos = 0;
    int rc = 0;
    c->in_body = 0;
    while (pos < c->n) {
        if (c->out.n >= OUT_FLUSH) {
            rc = 2;
            break;
        }
        struct http_req r;
        long k = http_parse(c->in + pos, c->n - pos, &r);
        if (k < 0) {
            /* The framing is lost: answer, then close (RFC 9112 9.6). */
            int status = (int)-k;
            const char *msg = http_reason(status);
            http_respond(&c->out, status, "text/plain", msg, strlen(msg), 0, 1,
                         0, NULL);
            rc = 1;
            break;
        }
        if (k == 0)
            break;
        if (c->n - pos - (size_t)k < r.body_len) {
            c->in_body = 1;
            break;
        }
        route(sv, &r, c->in + pos + k, &c->out);
        pos += (size_t)k + r.body_len;
        if (!r.keep_alive) {
            rc = 1;
            break;
        }
    }
    if (pos) {
        memmove(c->in, c->in + pos, c->n - pos);
        c->n -= pos;
        /* The next request's clock starts now. */
        c->deadline = server_idle_deadline(sv);
    }
    return c->out.oom ? 1 : rc;
}

/* Makes room for at least one more byte. A request never needs more
   than a full head and body, which answer() enforces. */
static int room(struct conn *c) {
    if (c->n < c->cap)
        return 0;
    size_t cap = c->cap ? c->cap * 2 : 4096;
    if (cap > 2 * (HTTP_MAX_HEAD + HTTP_MAX_BODY))
        return -1;
    char *p = realloc(c->in, cap);
    if (!p)
        return -1;
    c->in = p;
    c->cap = cap;
    return 0;
}

/* Closes the connection after the last response without losing it: a
   close with unread input sends the client a reset, which may discard
   the response before the client reads it. So stop sending, and read
   and drop what still comes for up to a second, until the client
   closes. */
YC_COROUTINE static void linger(struct server *sv, int fd) {
    shutdown(fd, SHUT_WR);
    int64_t until = yc_now() + YC_SEC;
    int64_t idle = server_idle_deadline(sv);
    if (idle != YC_NO_DEADLINE && idle < until)
        until = idle;
    char buf[4096];
    for (int i = 0; i < 64; i++) {
        ssize_t n = YC_AWAIT(yc_read(fd, buf, sizeof buf, until));
        if (n <= 0)
            break;
    }
}

YC_COROUTINE static void http_conn(struct server *sv, int fd) {
    struct conn c;
    memset(&c, 0, sizeof c);
    for (;;) {
        int rc = answer(sv, &c);
        if (c.out.n) {
            if (YC_AWAIT(server_write(sv, fd, c.out.p, c.out.n)) < 0)
                break; /* reset, not reading its responses, cancelled */
            c.out.n = 0;
        }
        if (rc == 1) {
            YC_AWAIT(linger(sv, fd));
            break;
        }
        if (rc == 2)
            continue;
        if (room(&c))
            break;
        /* Between requests a connection may idle for --idle-ms; a head
           must be complete within --idle-ms of its first byte; a body
           only needs to keep moving. */
        int64_t deadline =
            c.n == 0 || c.in_body ? server_idle_deadline(sv) : c.deadline;
        ssize_t r = YC_AWAIT(yc_read(fd, c.in + c.n, c.cap - c.n, deadline));
        if (r <= 0)
            break; /* closed, reset, too slow, cancelled */
        if (c.n == 0)
            c.deadline = server_idle_deadline(sv);
        c.n += (size_t)r;
    }
    free(c.in);
    free(c.out.p);
    yc_close(fd);
}

YC_COROUTINE int main(int argc, char **argv) {
    struct server sv;
    int rc = server_init(&sv, "http", argc, argv);
    if (rc)
        return rc;
    YC_AWAIT(server_run(&sv, http_conn));
    return 0;
}
