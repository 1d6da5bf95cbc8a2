/* source.c - the main file's bytes and location-to-offset mapping. */
#include "source.h"

#include "buf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int source_load(struct source *src, const char *path) {
    memset(src, 0, sizeof *src);
    FILE *f = fopen(path, "rb");
    if (!f)
        return errno;
    struct buf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_putn(&b, chunk, n);
    int err = ferror(f) ? EIO : 0;
    fclose(f);
    if (err) {
        buf_free(&b);
        return err;
    }
    src->path = xstrdup(path);
    src->len = (unsigned)b.len;
    src->data = buf_take(&b);
    unsigned cap = 0;
    *VEC_PUSH(src->lines, src->nlines, cap) = 0;
    for (unsigned i = 0; i < src->len; i++)
        if (src->data[i] == '\n')
            *VEC_PUSH(src->lines, src->nlines, cap) = i + 1;
    return 0;
}

void source_free(struct source *src) {
    free(src->path);
    free(src->data);
    free(src->lines);
    memset(src, 0, sizeof *src);
}

/* clang_getFileLocation gives the spelling location for tokens that come
   from a macro argument and the expansion location for tokens of a macro
   body, which is exactly the text a rewrite must replace. */
int source_offset(const struct source *src, CXSourceLocation loc,
                  unsigned *off) {
    CXFile file;
    unsigned line, col;
    clang_getFileLocation(loc, &file, &line, &col, off);
    return file && src->file && clang_File_isEqual(file, src->file) &&
           *off <= src->len;
}

int source_range(const struct source *src, CXCursor c, unsigned *begin,
                 unsigned *end) {
    CXSourceRange r = clang_getCursorExtent(c);
    if (!source_offset(src, clang_getRangeStart(r), begin) ||
        !source_offset(src, clang_getRangeEnd(r), end))
        return 0;
    /* libclang's extents are end-exclusive; an inverted range means the
       two ends came from different expansions. */
    return *begin <= *end;
}

void source_linecol(const struct source *src, unsigned off, unsigned *line,
                    unsigned *col) {
    unsigned lo = 0, hi = src->nlines;
    while (hi - lo > 1) {
        unsigned mid = (lo + hi) / 2;
        if (src->lines[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    *line = lo + 1;
    *col = off - src->lines[lo] + 1;
}

unsigned source_skip_space(const struct source *src, unsigned off) {
    const char *d = src->data;
    while (off < src->len) {
        if (d[off] == ' ' || d[off] == '\t' || d[off] == '\n' ||
            d[off] == '\r' || d[off] == '\f' || d[off] == '\v') {
            off++;
        } else if (d[off] == '/' && off + 1 < src->len && d[off + 1] == '*') {
            char *e = strstr(d + off + 2, "*/");
            off = e ? (unsigned)(e - d) + 2 : src->len;
        } else if (d[off] == '/' && off + 1 < src->len && d[off + 1] == '/') {
            while (off < src->len && d[off] != '\n')
                off++;
        } else if (d[off] == '\\' && off + 1 < src->len &&
                   d[off + 1] == '\n') {
            off += 2;
        } else {
            break;
        }
    }
    return off;
}

int source_is(const struct source *src, unsigned begin, unsigned end,
              const char *s) {
    size_t n = strlen(s);
    return end >= begin && end - begin == n && end <= src->len &&
           memcmp(src->data + begin, s, n) == 0;
}

unsigned source_macro_call_end(const struct source *src, unsigned off,
                               const char *name) {
    size_t n = strlen(name);
    const char *d = src->data;
    if (off + n > src->len || memcmp(d + off, name, n) != 0)
        return 0;
    unsigned i = source_skip_space(src, off + (unsigned)n);
    if (i >= src->len || d[i] != '(')
        return 0;
    int depth = 0;
    while (i < src->len) {
        char c = d[i];
        if (c == '"' || c == '\'') {
            for (i++; i < src->len && d[i] != c; i++)
                if (d[i] == '\\')
                    i++;
        } else if (c == '/' && i + 1 < src->len &&
                   (d[i + 1] == '*' || d[i + 1] == '/')) {
            i = source_skip_space(src, i);
            continue;
        } else if (c == '(') {
            depth++;
        } else if (c == ')' && --depth == 0) {
            return i + 1;
        }
        i++;
    }
    return 0;
}
