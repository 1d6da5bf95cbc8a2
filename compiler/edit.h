/* edit.h - replacements of main-file ranges, applied once when rendering.

   An edit replaces the bytes [begin, end) of the main file with new text
   (an insertion has begin == end). Edits never partially overlap: a new
   edit that covers older ones supersedes them, which is how an outer
   rewrite is built from the rendering of its already-rewritten parts. */
#ifndef YC_EDIT_H
#define YC_EDIT_H

#include "buf.h"
#include "source.h"

struct edit {
    unsigned begin; /* first replaced byte */
    unsigned end;   /* one past the last replaced byte */
    char *text;     /* replacement, owned */
};

/* The edits of one run, sorted by begin; insertions at one offset keep the
   order they were added in and come before a replacement starting there.
   As edits never partially overlap, each one ends at or before the next
   one begins, so the ends are sorted too (edit.c searches on them).

   The array is a gap buffer: the free slots sit between the edits before
   index `gap` and the rest, and move to where the next edit goes.

     items: | edits 0 .. gap-1 | cap - n free slots | edits gap .. n-1 |
*/
struct edits {
    struct edit *items; /* cap slots, laid out as drawn above */
    unsigned n, cap;    /* edits held, slots allocated */
    unsigned gap;       /* index of the edit the free slots precede */
};

/* Adds an edit. Edits inside [begin, end) are dropped; an identical edit is
   ignored. A partial overlap is a translator bug and aborts. */
void edit_replace(struct edits *e, unsigned begin, unsigned end,
                  const char *text);
/* Appends the main-file bytes [begin, end) with the edits inside applied. */
void edit_render(const struct edits *e, const struct source *src,
                 unsigned begin, unsigned end, struct buf *out);
/* Returns the rendering of [begin, end) as a new string. */
char *edit_text(const struct edits *e, const struct source *src, unsigned begin,
                unsigned end);
void edit_free(struct edits *e);

#endif
