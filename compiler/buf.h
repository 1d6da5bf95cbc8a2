/* buf.h - growable byte buffers for building generated text. */
#ifndef YC_BUF_H
#define YC_BUF_H

#include <stdarg.h>
#include <stddef.h>

/* A NUL-terminated, growable string. A zeroed struct is an empty buffer. */
struct buf {
    char *data; /* the bytes, always NUL-terminated once anything is added */
    size_t len; /* bytes used, excluding the terminating NUL */
    size_t cap; /* bytes allocated */
};

void buf_putn(struct buf *b, const char *s, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
/* Returns the contents ("" for an empty buffer); the buffer keeps them. */
const char *buf_str(const struct buf *b);
/* Hands the malloc'ed contents to the caller and empties the buffer. */
char *buf_take(struct buf *b);
void buf_free(struct buf *b);

/* Allocation helpers that end the program with a message on exhaustion. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new malloc'ed string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Grows a dynamic array (*items, *count, *cap) to hold one more element. */
#define VEC_PUSH(items, count, cap)                                            \
    ((count) == (cap) ? ((cap) = (cap) ? 2 * (cap) : 8,                        \
                         (items) = xrealloc((items), (cap) * sizeof *(items))) \
                      : 0,                                                     \
     &(items)[(count)++])

#endif
