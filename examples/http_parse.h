/* http_parse.h - HTTP/1.x request heads in, responses out: plain C with
   no I/O, shared by the http example and its hand-written epoll baseline
   (bench/http_epoll.c), so that the two differ only in how they wait. */
#ifndef EXAMPLES_HTTP_PARSE_H
#define EXAMPLES_HTTP_PARSE_H

#include "outbuf.h"
#include <stddef.h>

enum {
    HTTP_MAX_HEAD = 8192,   /* request line + headers: beyond, 431 */
    HTTP_MAX_BODY = 1 << 20 /* Content-Length: beyond, 413 */
};

enum http_method {
    HTTP_GET,  /* GET */
    HTTP_HEAD, /* HEAD: a GET whose response has no body */
    HTTP_POST, /* POST */
    HTTP_OTHER /* any other well-formed method: 405 or 404 */
};

/* A parsed request head. Pointers point into the caller's buffer. */
struct http_req {
    enum http_method method; /* the method */
    const char *path;        /* the target up to '?' (starts with '/') */
    size_t path_len;         /* its length */
    int minor;               /* HTTP/1.minor: 0 or 1 */
    int keep_alive;          /* the connection stays open after the
                                response: HTTP/1.1 unless "Connection:
                                close", HTTP/1.0 only with "keep-alive" */
    size_t head_len;         /* bytes of the head, blank line included
                                (and any empty lines before it) */
    size_t body_len;         /* Content-Length, 0 without one; the body
                                follows the head */
};

/* Parses the request head at the start of s[0..n). Returns head_len
   (> 0) and fills *r; 0 if the head is not complete yet; or a negative
   HTTP status for a request that must be refused, after which the
   connection must be closed (its framing is lost): -400 malformed, -413
   body too large, -431 head too large, -501 Transfer-Encoding (chunked
   bodies are not supported), -505 a version other than 1.0 or 1.1. */
long http_parse(const char *s, size_t n, struct http_req *r);

/* Appends a whole response: the status line, Content-Type (type),
   Content-Length, "Connection: close" unless keep_alive (or "Connection:
   keep-alive" to an HTTP/1.0 client, minor 0, that keeps it), `extra`
   header lines (each ending in \r\n, or NULL), a blank line and the body
   unless head_only (a HEAD request: same headers, no body). */
void http_respond(struct outbuf *o, int status, const char *type,
                  const char *body, size_t len, int keep_alive, int minor,
                  int head_only, const char *extra);

/* The reason phrase of a status ("Not Found"), "Unknown" if unlisted. */
const char *http_reason(int status);

#endif
