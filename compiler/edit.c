/* edit.c - range replacements over the main file.

   The edits are kept sorted by begin, and since they never partially
   overlap, their ends are sorted too: each edit ends at or before the next
   one begins. So a binary search on the ends finds the first edit that can
   touch a range, and only the edits from there up to the range's end need
   looking at.

   Lowering adds edits in file order, coroutine by coroutine, each outer
   rewrite superseding the inner ones it rendered, and emit then replaces
   each coroutine's edits with its generated text, again in file order. So
   the edits are kept in a gap buffer (see edit.h): an edit goes where the
   free slots are after moving them past the edits in between, which are
   few when edits come in file order. A plain array would move every later
   edit of the file on each insertion. */
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

/* The edit at index i (in sorted order, not counting the free slots). */
static struct edit *at(const struct edits *e, unsigned i) {
    return &e->items[i < e->gap ? i : i + (e->cap - e->n)];
}

/* The index of the first edit that ends at or after begin (e->n if none).
   Every edit before it ends before begin, so it neither touches [begin, end)
   nor holds an insertion at begin. */
static unsigned first_touching(const struct edits *e, unsigned begin) {
    unsigned lo = 0, hi = e->n;
    while (lo < hi) {
        unsigned mid = lo + (hi - lo) / 2;
        if (at(e, mid)->end < begin)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The index of the first edit at or after lo that begins after end. Every
   edit from there on begins after [begin, end), so it is disjoint from it. */
static unsigned past(const struct edits *e, unsigned lo, unsigned end) {
    while (lo < e->n && at(e, lo)->begin <= end)
        lo++;
    return lo;
}

/* Moves the free slots to just before edit i, making sure there is one. */
static void move_gap(struct edits *e, unsigned i) {
    if (e->n == e->cap) { /* no free slot: double, after the gap */
        unsigned cap = e->cap ? 2 * e->cap : 64, after = e->n - e->gap;
        e->items = xrealloc(e->items, cap * sizeof *e->items);
        memmove(&e->items[cap - after], &e->items[e->gap],
                after * sizeof *e->items);
        e->cap = cap;
    }
    unsigned nfree = e->cap - e->n;
    if (i < e->gap) /* the edits [i, gap) go after the gap */
        memmove(&e->items[i + nfree], &e->items[i],
                (e->gap - i) * sizeof *e->items);
    else /* the edits [gap, i) come before it */
        memmove(&e->items[e->gap], &e->items[e->gap + nfree],
                (i - e->gap) * sizeof *e->items);
    e->gap = i;
}

void edit_replace(struct edits *e, unsigned begin, unsigned end,
                  const char *text) {
    unsigned lo = first_touching(e, begin), hi = past(e, lo, end);
    for (unsigned i = lo; i < hi; i++) {
        struct edit *it = at(e, i);
        if (it->begin == begin && it->end == end && !strcmp(it->text, text))
            return; /* the same rewrite reached twice (a macro argument) */
    }
    /* The edits [lo, hi) now follow the gap. Each one is taken from after
       the gap and either dropped or put back before it, and the new edit
       goes in after every edit that starts before (or, for insertions, at)
       begin. Taking one frees a slot, so the put-backs always fit. */
    move_gap(e, lo);
    struct edit new = {begin, end, xstrdup(text)};
    int placed = 0;
    for (unsigned i = lo; i < hi; i++) {
        struct edit it = e->items[e->cap - e->n + e->gap];
        e->n--;
        if (!disjoint(&it, begin, end)) {
            if (!inside(&it, begin, end))
                overlap_bug(&it, begin, end);
            free(it.text); /* superseded by the covering edit */
            continue;
        }
        if (!placed &&
            !(it.begin < begin || (it.begin == begin && it.end == begin))) {
            e->items[e->gap++] = new;
            e->n++;
            placed = 1;
        }
        e->items[e->gap++] = it;
        e->n++;
    }
    if (!placed) {
        e->items[e->gap++] = new;
        e->n++;
    }
}

void edit_render(const struct edits *e, const struct source *src,
                 unsigned begin, unsigned end, struct buf *out) {
    unsigned pos = begin;
    unsigned lo = first_touching(e, begin), hi = past(e, lo, end);
    for (unsigned i = lo; i < hi; i++) {
        const struct edit *it = at(e, i);
        if (disjoint(it, begin, end) &&
            !(begin == end && it->begin == begin && it->end == begin))
            continue;
        if (!inside(it, begin, end) && begin != end)
            overlap_bug(it, begin, end);
        buf_putn(out, src->data + pos, it->begin - pos);
        buf_puts(out, it->text);
        pos = it->end;
    }
    buf_putn(out, src->data + pos, end - pos);
}

char *edit_text(const struct edits *e, const struct source *src, unsigned begin,
                unsigned end) {
    struct buf b = {0};
    edit_render(e, src, begin, end, &b);
    return buf_take(&b);
}

void edit_free(struct edits *e) {
    for (unsigned i = 0; i < e->n; i++)
        free(at(e, i)->text);
    free(e->items);
    memset(e, 0, sizeof *e);
}
