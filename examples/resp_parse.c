/* resp_parse.c - RESP requests in (resp_parse.h). */
#include "resp_parse.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Reads a decimal number ending in \r\n from s[0..end). Returns the
   bytes taken, 0 if the line is incomplete, -1 if it is not a number. */
static long parse_num(const char *s, const char *end, long long *v) {
    const char *cr = memchr(s, '\r', (size_t)(end - s));
    if (!cr || cr + 1 >= end)
        return (end - s) > 32 ? -1 : 0;
    /* Refused whole as it would be in pieces: a request means the same
       however the reads split it. */
    if (cr - s >= 32)
        return -1;
    /* strtoll would skip leading blanks, \r and \n among them, past cr. */
    if (cr[1] != '\n' || cr == s || !(isdigit((unsigned char)*s) || *s == '-'))
        return -1;
    char *stop;
    errno = 0;
    *v = strtoll(s, &stop, 10);
    if (stop != cr || errno)
        return -1;
    return (long)(cr + 2 - s);
}

static int push_arg(struct resp_req *r, const char *p, size_t n) {
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        struct resp_arg *v = realloc(r->v, cap * sizeof *v);
        if (!v)
            return -1;
        r->v = v;
        r->cap = cap;
    }
    r->v[r->n++] = (struct resp_arg){p, n};
    return 0;
}

long resp_parse(const char *s, const char *end, struct resp_req *r,
                const char **why) {
    r->n = 0;
    if (*s != '*') {
        /* An inline command: words separated by spaces, up to \n. */
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        if (!nl) {
            if (end - s > RESP_MAX_INLINE) {
                *why = "too big inline request";
                return -1;
            }
            return 0;
        }
        if (nl - s > RESP_MAX_INLINE) { /* as when it comes in pieces */
            *why = "too big inline request";
            return -1;
        }
        const char *e = nl > s && nl[-1] == '\r' ? nl - 1 : nl;
        for (const char *p = s; p < e;) {
            while (p < e && isspace((unsigned char)*p))
                p++;
            const char *w = p;
            while (p < e && !isspace((unsigned char)*p))
                p++;
            if (p > w && push_arg(r, w, (size_t)(p - w))) {
                *why = "out of memory";
                return -1;
            }
        }
        return (long)(nl + 1 - s);
    }
    long long count;
    long k = parse_num(s + 1, end, &count);
    if (k <= 0 || count > RESP_MAX_ARGS) {
        *why = "invalid multibulk length";
        return k == 0 ? 0 : -1;
    }
    const char *p = s + 1 + k;
    for (long long i = 0; i < count; i++) {
        if (p >= end)
            return 0;
        if (*p != '$') {
            *why = "expected '$'";
            return -1;
        }
        long long len;
        k = parse_num(p + 1, end, &len);
        if (k == 0) /* the length is not all here: len is not set */
            return 0;
        if (k < 0 || len < 0 || len > RESP_MAX_BULK) {
            *why = "invalid bulk length";
            return -1;
        }
        if (end - (p + 1 + k) < len + 2)
            return 0;
        const char *data = p + 1 + k;
        if (data[len] != '\r' || data[len + 1] != '\n') {
            *why = "bulk string not ended by CRLF";
            return -1;
        }
        if (push_arg(r, data, (size_t)len)) {
            *why = "out of memory";
            return -1;
        }
        p = data + len + 2;
    }
    return (long)(p - s);
}
