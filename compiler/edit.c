/* edit.c - range replacements over the main file.

   The edits are kept sorted by begin, and since they never partially
   overlap, their ends are sorted too: each edit ends at or before the next
   one begins. So a binary search on the ends finds the first edit that can
   touch a range, and only the edits from there up to the range's end need
   looking at. Adding an edit or rendering a range then costs the log of the
   number of edits plus the edits in and next to the range, not a scan of
   the whole file's edits: lowering a file adds edits in file order, each
   outer rewrite superseding the inner ones it rendered. */
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

/* The index of the first edit that ends at or after begin (e->n if none).
   Every edit before it ends before begin, so it neither touches [begin, end)
   nor holds an insertion at begin. */
static unsigned first_touching(const struct edits *e, unsigned begin) {
    unsigned lo = 0, hi = e->n;
    while (lo < hi) {
        unsigned mid = lo + (hi - lo) / 2;
        if (e->items[mid].end < begin)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The index of the first edit at or after lo that begins after end. Every
   edit from there on begins after [begin, end), so it is disjoint from it. */
static unsigned past(const struct edits *e, unsigned lo, unsigned end) {
    while (lo < e->n && e->items[lo].begin <= end)
        lo++;
    return lo;
}

void edit_replace(struct edits *e, unsigned begin, unsigned end,
                  const char *text) {
    unsigned lo = first_touching(e, begin), hi = past(e, lo, end);
    unsigned keep = lo, pos;
    for (unsigned i = lo; i < hi; i++) {
        struct edit *it = &e->items[i];
        if (it->begin == begin && it->end == end && !strcmp(it->text, text))
            return; /* the same rewrite reached twice (a macro argument) */
    }
    /* Edits of [lo, hi) that stay are packed down from lo; the ones the new
       edit covers go. */
    for (unsigned i = lo; i < hi; i++) {
        struct edit *it = &e->items[i];
        if (disjoint(it, begin, end))
            e->items[keep++] = *it;
        else if (inside(it, begin, end))
            free(it->text); /* superseded by the covering edit */
        else
            overlap_bug(it, begin, end);
    }
    /* After every edit that starts before (or, for insertions, at) begin;
       the edits before lo all do, and the ones from hi on do not. */
    for (pos = lo; pos < keep && (e->items[pos].begin < begin ||
                                  (e->items[pos].begin == begin &&
                                   e->items[pos].end == begin));
         pos++)
        ;
    /* Close the gap the dropped edits left, keeping one slot free at pos. */
    unsigned tail = e->n - hi;
    e->n = keep + tail;
    VEC_PUSH(e->items, e->n, e->cap);
    memmove(&e->items[keep + 1], &e->items[hi], tail * sizeof *e->items);
    memmove(&e->items[pos + 1], &e->items[pos],
            (keep - pos) * sizeof *e->items);
    e->items[pos] = (struct edit){begin, end, xstrdup(text)};
}

void edit_render(const struct edits *e, const struct source *src,
                 unsigned begin, unsigned end, struct buf *out) {
    unsigned at = begin;
    unsigned lo = first_touching(e, begin), hi = past(e, lo, end);
    for (unsigned i = lo; i < hi; i++) {
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
