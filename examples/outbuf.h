/* outbuf.h - bytes waiting to be written: the growing reply buffer of
   the kv and http examples (and of the http benchmark's baseline). */
#ifndef EXAMPLES_OUTBUF_H
#define EXAMPLES_OUTBUF_H

#include <stddef.h>

struct outbuf {
    char *p;    /* the bytes */
    size_t n;   /* their number */
    size_t cap; /* allocated */
    int oom;    /* a reply did not fit in memory: the caller closes */
};

/* Appends n bytes; on allocation failure sets o->oom and drops them (and
   everything appended after). */
void outbuf_put(struct outbuf *o, const void *s, size_t n);

#endif
