/* edit.c - range replacements over the main file. */
#include "edit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void overlap_bug(const struct edit *old, unsigned begin, unsigned end) {
    fprintf(stderr,
            "yieldc: internal error: edit [%u,%u) partially overlaps "
            "[%u,%u)\n",
            begin, end, old->begin, old->end);
    abort();
}

/* Whether an existing edit lies inside a new one covering [begin, end).
   An insertion at begin is inside (edit_render of [begin, end) includes it),
   one at end is not. */
static int inside(const struct edit *it, unsigned begin, unsigned end) {
    if (it->begin == it->end)
        return begin < end && it->begin >= begin && it->begin < end;
    return it->begin >= begin && it->end <= end;
}

static int disjoint(const struct edit *it, unsigned begin, unsigned end) {
    if (begin == end) /* a new insertion only conflicts with a replacement */
        return it->begin >= begin || it->end <= begin;
    if (it->begin == it->end)
        return it->begin < begin || it->begin >= end;
    return it->end <= begin || it->begin >= end;
}

void edit_replace(struct edits *e, unsigned begin, unsigned end,
                  const char *text) {
    unsigned keep = 0, pos;
    for (unsigned i = 0; i < e->n; i++) {
        struct edit *it = &e->items[i];
        if (it->begin == begin && it->end == end && !strcmp(it->text, text))
            return; /* the same rewrite reached twice (a macro argument) */
    }
    for (unsigned i = 0; i < e->n; i++) {
        struct edit *it = &e->items[i];
        if (disjoint(it, begin, end))
            e->items[keep++] = *it;
        else if (inside(it, begin, end))
            free(it->text); /* superseded by the covering edit */
        else
            overlap_bug(it, begin, end);
    }
    e->n = keep;
    /* After every edit that starts before (or, for insertions, at) begin. */
    for (pos = 0; pos < e->n && (e->items[pos].begin < begin ||
                                 (e->items[pos].begin == begin &&
                                  e->items[pos].end == begin));
         pos++)
        ;
    VEC_PUSH(e->items, e->n, e->cap);
    memmove(&e->items[pos + 1], &e->items[pos],
            (e->n - 1 - pos) * sizeof *e->items);
    e->items[pos] = (struct edit){begin, end, xstrdup(text)};
}

void edit_render(const struct edits *e, const struct source *src,
                 unsigned begin, unsigned end, struct buf *out) {
    unsigned at = begin;
    for (unsigned i = 0; i < e->n; i++) {
        const struct edit *it = &e->items[i];
        if (disjoint(it, begin, end) && !(begin == end && it->begin == begin &&
                                          it->end == begin))
            continue;
        if (!inside(it, begin, end) && begin != end)
            overlap_bug(it, begin, end);
        buf_putn(out, src->data + at, it->begin - at);
        buf_puts(out, it->text);
        at = it->end;
    }
    buf_putn(out, src->data + at, end - at);
}

char *edit_text(const struct edits *e, const struct source *src,
                unsigned begin, unsigned end) {
    struct buf b = {0};
    edit_render(e, src, begin, end, &b);
    return buf_take(&b);
}

void edit_free(struct edits *e) {
    for (unsigned i = 0; i < e->n; i++)
        free(e->items[i].text);
    free(e->items);
    memset(e, 0, sizeof *e);
}
