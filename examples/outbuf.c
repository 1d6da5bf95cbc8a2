/* outbuf.c - the growing reply buffer (outbuf.h). */
#include "outbuf.h"

#include <stdlib.h>
#include <string.h>

void outbuf_put(struct outbuf *o, const void *s, size_t n) {
    if (o->oom)
        return;
    if (o->n + n > o->cap) {
        size_t cap = o->cap ? o->cap : 8192;
        while (cap < o->n + n)
            cap *= 2;
        char *p = realloc(o->p, cap);
        if (!p) {
            o->oom = 1;
            return;
        }
        o->p = p;
        o->cap = cap;
    }
    memcpy(o->p + o->n, s, n);
    o->n += n;
}
