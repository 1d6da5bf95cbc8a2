/* source.c - the main file's bytes and location-to-offset mapping. */
#include "source.h"

#include "buf.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* One remembered answer of source_range. */
struct memo_entry {
    CXCursor cursor; /* the cursor asked about, bit for bit */
    unsigned begin;  /* its main-file range */
    unsigned end;    /* (end-exclusive) */
    int used;        /* 0: a free slot */
};

/* An open-addressing hash table of source_range's answers, at most half
   full. A cursor's extent is a pure function of the cursor while the
   translation unit lives, but mapping it is not cheap: libclang lexes the
   last token to find its end and walks the macro expansions of both ends
   to their file locations. */
struct source_memo {
    struct memo_entry *slots; /* cap entries */
    unsigned n, cap;          /* entries used, a power of two */
};

/* Indexes the lines of src->data. */
static void index_lines(struct source *src) {
    unsigned cap = 0;
    free(src->lines);
    src->lines = NULL;
    src->nlines = 0;
    *VEC_PUSH(src->lines, src->nlines, cap) = 0;
    for (unsigned i = 0; i < src->len; i++)
        if (src->data[i] == '\n')
            *VEC_PUSH(src->lines, src->nlines, cap) = i + 1;
}

int source_load(struct source *src, const char *path) {
    memset(src, 0, sizeof *src);
    /* Only a regular file can be read twice, by us and by libclang; a FIFO
       would also block here. */
    struct stat st;
    if (stat(path, &st) != 0)
        return errno;
    if (S_ISDIR(st.st_mode))
        return EISDIR;
    if (!S_ISREG(st.st_mode))
        return EINVAL;
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
    if (!err && b.len >= 0xffffffffu)
        err = EFBIG;
    if (err) {
        buf_free(&b);
        return err;
    }
    src->memo = xcalloc(1, sizeof *src->memo);
    src->path = xstrdup(path);
    src->len = (unsigned)b.len;
    src->data = b.len ? buf_take(&b) : xstrdup("");
    index_lines(src);
    return 0;
}

void source_replace(struct source *src, char *data, unsigned len, CXFile file) {
    free(src->data);
    src->data = data;
    src->len = len;
    src->file = file;
    index_lines(src);
    if (src->memo) {
        free(src->memo->slots);
        memset(src->memo, 0, sizeof *src->memo);
    }
}

void source_free(struct source *src) {
    if (src->memo)
        free(src->memo->slots);
    free(src->memo);
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

static int range_of(const struct source *src, CXCursor c, unsigned *begin,
                    unsigned *end) {
    CXSourceRange r = clang_getCursorExtent(c);
    if (!source_offset(src, clang_getRangeStart(r), begin) ||
        !source_offset(src, clang_getRangeEnd(r), end))
        return 0;
    /* libclang's extents are end-exclusive; an inverted range means the
       two ends came from different expansions. */
    return *begin <= *end;
}

/* Cursors are compared bit for bit, not with clang_equalCursors: a
   variable's extent depends on whether the cursor says it comes first in
   its declaration, which clang_equalCursors ignores. */
static int same_cursor(CXCursor a, CXCursor b) {
    return a.kind == b.kind && a.xdata == b.xdata && a.data[0] == b.data[0] &&
           a.data[1] == b.data[1] && a.data[2] == b.data[2];
}

static unsigned cursor_hash(CXCursor c) {
    uintptr_t h = (uintptr_t)c.kind * 31 + (uintptr_t)c.xdata;
    for (int i = 0; i < 3; i++)
        h = h * 0x9E3779B97F4A7C15u + (uintptr_t)c.data[i];
    return (unsigned)(h ^ h >> 29);
}

static struct memo_entry *memo_slot(const struct source_memo *m, CXCursor c) {
    unsigned mask = m->cap - 1;
    for (unsigned h = cursor_hash(c) & mask;; h = (h + 1) & mask) {
        struct memo_entry *s = &m->slots[h];
        if (!s->used || same_cursor(s->cursor, c))
            return s;
    }
}

static void memo_grow(struct source_memo *m) {
    struct memo_entry *old = m->slots;
    unsigned oldcap = m->cap;
    m->cap = oldcap ? 2 * oldcap : 1024;
    m->slots = xcalloc(m->cap, sizeof *m->slots);
    for (unsigned i = 0; i < oldcap; i++)
        if (old[i].used)
            *memo_slot(m, old[i].cursor) = old[i];
    free(old);
}

int source_range(const struct source *src, CXCursor c, unsigned *begin,
                 unsigned *end) {
    struct source_memo *m = src->memo;
    if (!m || !src->file) /* not parsed yet: nothing worth keeping */
        return range_of(src, c, begin, end);
    if (2 * (m->n + 1) > m->cap)
        memo_grow(m);
    struct memo_entry *s = memo_slot(m, c);
    if (s->used) {
        *begin = s->begin;
        *end = s->end;
        return 1;
    }
    /* Only ranges in the main file are kept: a failed mapping may have
       set one end or none, which callers see as on every call. */
    if (!range_of(src, c, begin, end))
        return 0;
    *s = (struct memo_entry){c, *begin, *end, 1};
    m->n++;
    return 1;
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
        } else if (d[off] == '\\' && off + 1 < src->len && d[off + 1] == '\n') {
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
