/* http_parse.c - the request-head parser and response writer of the http
   example (RFC 9112 syntax, strict where leniency would let two parsers
   disagree on where a request ends). */
#include "http_parse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* RFC 9110 tchar: the characters of a method or a header name. */
static int is_tchar(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || (c && strchr("!#$%&'*+-.^_`|~", c));
}

static int is_ows(char c) { return c == ' ' || c == '\t'; }

/* Whether the value [v, v+n) equals token t, ignoring case. */
static int token_is(const char *v, size_t n, const char *t) {
    return n == strlen(t) && strncasecmp(v, t, n) == 0;
}

/* The request line: METHOD SP TARGET SP HTTP/1.x. Returns 0 or a
   negative status. */
static int parse_request_line(const char *s, size_t n, struct http_req *r) {
    const char *end = s + n;
    const char *p = s;
    while (p < end && is_tchar((unsigned char)*p))
        p++;
    if (p == s || p == end || *p != ' ')
        return -400;
    size_t mlen = (size_t)(p - s);
    r->method = mlen == 3 && !memcmp(s, "GET", 3)    ? HTTP_GET
                : mlen == 4 && !memcmp(s, "HEAD", 4) ? HTTP_HEAD
                : mlen == 4 && !memcmp(s, "POST", 4) ? HTTP_POST
                                                     : HTTP_OTHER;
    const char *target = ++p;
    while (p < end && *p != ' ') {
        if ((unsigned char)*p <= ' ' || *p == 0x7f)
            return -400;
        p++;
    }
    /* Only the origin form ("/path?query"), which is what a client sends
       to a server that is not a proxy. */
    if (p == target || p == end || *target != '/')
        return -400;
    r->path = target;
    const char *q = memchr(target, '?', (size_t)(p - target));
    r->path_len = (size_t)((q ? q : p) - target);
    const char *v = p + 1;
    if (end - v != 8 || memcmp(v, "HTTP/", 5) != 0 || v[6] != '.' ||
        v[5] < '0' || v[5] > '9' || v[7] < '0' || v[7] > '9')
        return -400;
    if (v[5] != '1' || v[7] > '1')
        return -505;
    r->minor = v[7] - '0';
    return 0;
}

/* One header line "Name: value". Updates r and *close / *ka (the
   Connection tokens seen) and *have_len. Returns 0 or a negative
   status. */
static int parse_header(const char *s, size_t n, struct http_req *r, int *close,
                        int *ka, int *have_len) {
    const char *end = s + n;
    const char *p = s;
    while (p < end && is_tchar((unsigned char)*p))
        p++;
    /* No space before the colon, and no folded continuation line: both
       were ways to smuggle a header past one parser and not another. */
    if (p == s || p == end || *p != ':')
        return -400;
    size_t name_len = (size_t)(p - s);
    const char *v = p + 1;
    while (v < end && is_ows(*v))
        v++;
    const char *ve = end;
    while (ve > v && is_ows(ve[-1]))
        ve--;
    for (const char *c = v; c < ve; c++)
        if (((unsigned char)*c < ' ' && *c != '\t') || *c == 0x7f)
            return -400;
    size_t vlen = (size_t)(ve - v);
    if (token_is(s, name_len, "content-length")) {
        size_t len = 0;
        if (vlen == 0)
            return -400;
        for (const char *c = v; c < ve; c++) {
            if (*c < '0' || *c > '9')
                return -400; /* a list ("5, 5") or a sign: refused */
            if (len > HTTP_MAX_BODY)
                return -413; /* and no overflow either */
            len = len * 10 + (size_t)(*c - '0');
        }
        if (len > HTTP_MAX_BODY)
            return -413;
        if (*have_len && len != r->body_len)
            return -400;
        *have_len = 1;
        r->body_len = len;
    } else if (token_is(s, name_len, "transfer-encoding")) {
        return -501;
    } else if (token_is(s, name_len, "connection")) {
        /* A comma-separated list of tokens: "keep-alive, Upgrade". */
        for (const char *t = v; t < ve;) {
            const char *te = memchr(t, ',', (size_t)(ve - t));
            te = te ? te : ve;
            const char *a = t, *b = te;
            while (a < b && is_ows(*a))
                a++;
            while (b > a && is_ows(b[-1]))
                b--;
            if (token_is(a, (size_t)(b - a), "close"))
                *close = 1;
            else if (token_is(a, (size_t)(b - a), "keep-alive"))
                *ka = 1;
            t = te < ve ? te + 1 : ve;
        }
    }
    return 0;
}

long http_parse(const char *s, size_t n, struct http_req *r) {
    memset(r, 0, sizeof *r);
    size_t pos = 0;
    /* RFC 9112 2.2: ignore empty lines before the request line. */
    while (pos < n && pos < 64 && (s[pos] == '\r' || s[pos] == '\n'))
        pos++;
    size_t start = pos;
    size_t limit = n < start + HTTP_MAX_HEAD ? n : start + HTTP_MAX_HEAD;
    int close = 0, ka = 0, have_len = 0, first = 1;
    for (;;) {
        const char *nl = memchr(s + pos, '\n', limit - pos);
        if (!nl)
            return limit - start >= HTTP_MAX_HEAD ? -431 : 0;
        size_t len = (size_t)(nl - (s + pos));
        /* Lines end in CRLF; a bare LF is accepted, a bare CR is not. */
        if (len && s[pos + len - 1] == '\r')
            len--;
        if (memchr(s + pos, '\r', len))
            return -400;
        int rc;
        if (first) {
            rc = parse_request_line(s + pos, len, r);
        } else if (len == 0) {
            r->head_len = (size_t)(nl - s) + 1;
            break;
        } else if (is_ows(s[pos])) {
            rc = -400; /* obsolete line folding */
        } else {
            rc = parse_header(s + pos, len, r, &close, &ka, &have_len);
        }
        if (rc)
            return rc;
        first = 0;
        pos = (size_t)(nl - s) + 1;
    }
    r->keep_alive = !close && (r->minor == 1 || ka);
    return (long)r->head_len;
}

/* ------------------------------------------------------------------ */
/* Responses */

const char *http_reason(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 413:
        return "Content Too Large";
    case 431:
        return "Request Header Fields Too Large";
    case 501:
        return "Not Implemented";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Unknown";
    }
}

void http_respond(struct outbuf *o, int status, const char *type,
                  const char *body, size_t len, int keep_alive, int minor,
                  int head_only, const char *extra) {
    char h[256];
    int k = snprintf(h, sizeof h,
                     "HTTP/1.1 %d %s\r\n"
                     "Server: yieldc\r\n"
                     "Content-Type: %s\r\n"
                     "Content-Length: %zu\r\n"
                     "%s",
                     status, http_reason(status), type, len,
                     !keep_alive  ? "Connection: close\r\n"
                     : minor == 0 ? "Connection: keep-alive\r\n"
                                  : "");
    outbuf_put(o, h, (size_t)k);
    if (extra)
        outbuf_put(o, extra, strlen(extra));
    outbuf_put(o, "\r\n", 2);
    if (!head_only)
        outbuf_put(o, body, len);
}
