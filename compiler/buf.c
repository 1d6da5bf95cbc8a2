/* buf.c - growable byte buffers and allocation helpers. */
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) {
        fputs("yieldc: error: out of memory\n", stderr);
        exit(1);
    }
    return p;
}

void *xcalloc(size_t n, size_t size) {
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) {
        fputs("yieldc: error: out of memory\n", stderr);
        exit(1);
    }
    return p;
}

void *xrealloc(void *p, size_t n) {
    p = realloc(p, n ? n : 1);
    if (!p) {
        fputs("yieldc: error: out of memory\n", stderr);
        exit(1);
    }
    return p;
}

char *xstrndup(const char *s, size_t n) {
    char *d = xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

char *xasprintf(const char *fmt, ...) {
    struct buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    return buf_take(&b);
}

/* Makes room for n more bytes plus the terminating NUL. */
static void reserve(struct buf *b, size_t n) {
    if (b->len + n + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + n + 1)
        cap *= 2;
    b->data = xrealloc(b->data, cap);
    b->cap = cap;
}

void buf_putn(struct buf *b, const char *s, size_t n) {
    reserve(b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
}

void buf_puts(struct buf *b, const char *s) { buf_putn(b, s, strlen(s)); }

void buf_putc(struct buf *b, char c) { buf_putn(b, &c, 1); }

/* Whether fmt uses only %s, %u, %d, %c and %%, which fast_format does
   itself: nearly every format of the translator. */
static int simple_format(const char *fmt) {
    for (const char *p = fmt; (p = strchr(p, '%')) != NULL; p += 2)
        if (!p[1] || !strchr("sudc%", p[1]))
            return 0;
    return 1;
}

static void put_int(struct buf *b, unsigned long long v, int negative) {
    char digits[24], *d = digits + sizeof digits;
    do
        *--d = (char)('0' + v % 10);
    while (v /= 10);
    if (negative)
        *--d = '-';
    buf_putn(b, d, (size_t)(digits + sizeof digits - d));
}

/* vsnprintf costs a thousand instructions a call, and the emitted text is
   built from a hundred thousand small formats: a tenth of a translation. */
static void fast_format(struct buf *b, const char *fmt, va_list ap) {
    for (;;) {
        const char *pct = strchr(fmt, '%');
        if (!pct) {
            buf_puts(b, fmt);
            return;
        }
        buf_putn(b, fmt, (size_t)(pct - fmt));
        switch (pct[1]) {
        case 's':
            buf_puts(b, va_arg(ap, const char *));
            break;
        case 'u':
            put_int(b, va_arg(ap, unsigned), 0);
            break;
        case 'd': {
            int v = va_arg(ap, int);
            put_int(b, v < 0 ? 0ull - (unsigned long long)v : (unsigned)v,
                    v < 0);
            break;
        }
        case 'c':
            buf_putc(b, (char)va_arg(ap, int));
            break;
        default:
            buf_putc(b, '%');
        }
        fmt = pct + 2;
    }
}

/* Other formats go to vsnprintf, into the spare room first; it measures
   and formats again only when the text does not fit. */
void buf_vprintf(struct buf *b, const char *fmt, va_list ap) {
    if (simple_format(fmt)) {
        reserve(b, 0); /* an empty result still leaves a string */
        b->data[b->len] = 0;
        fast_format(b, fmt, ap);
        return;
    }
    va_list ap2;
    va_copy(ap2, ap);
    reserve(b, 128);
    size_t room = b->cap - b->len;
    int n = vsnprintf(b->data + b->len, room, fmt, ap);
    if (n >= 0 && (size_t)n >= room) {
        reserve(b, (size_t)n);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
    }
    va_end(ap2);
    if (n < 0) {
        b->data[b->len] = 0; /* drop whatever the failed call wrote */
        return;
    }
    b->len += (size_t)n;
}

void buf_printf(struct buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(b, fmt, ap);
    va_end(ap);
}

const char *buf_str(const struct buf *b) { return b->data ? b->data : ""; }

char *buf_take(struct buf *b) {
    char *s = b->data ? b->data : xstrdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return s;
}

void buf_free(struct buf *b) {
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
