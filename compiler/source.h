/* source.h - the main file's bytes and the one place where libclang
   locations become byte offsets into it. */
#ifndef YC_SOURCE_H
#define YC_SOURCE_H

#include <clang-c/Index.h>

/* The translated file, read once. Offsets are byte offsets into data;
   ranges are half-open [begin, end). */
struct source {
    char *path;      /* the path as given on the command line */
    char *data;      /* the file's bytes, NUL-terminated */
    unsigned len;    /* number of bytes */
    unsigned *lines; /* offset of the first byte of each line */
    unsigned nlines; /* number of entries in lines */
    CXFile file;     /* libclang's handle, set once the file is parsed */
    struct source_memo *memo; /* source_range's answers so far (source.c) */
};

/* Reads path, a regular file, into src; returns 0 or an errno value
   (EINVAL: not a regular file). */
int source_load(struct source *src, const char *path);
/* Makes data (len bytes, NUL-terminated, owned from now on) the text of
   src, parsed as `file`: normalize's rewrite of the main file. */
void source_replace(struct source *src, char *data, unsigned len, CXFile file);
void source_free(struct source *src);

/* Maps a location to its file location (the macro argument's spelling or
   the macro invocation) and returns 1 if that lies in the main file. */
int source_offset(const struct source *src, CXSourceLocation loc,
                  unsigned *off);
/* Maps a cursor's extent to a main-file range [*begin, *end); returns 0 if
   either end is outside the main file. Answers are remembered per cursor,
   as the passes ask for the same cursors' ranges again and again. */
int source_range(const struct source *src, CXCursor c, unsigned *begin,
                 unsigned *end);
/* 1-based line and column of an offset. */
void source_linecol(const struct source *src, unsigned off, unsigned *line,
                    unsigned *col);
/* Offset of the first byte after the token-ish run at off that is not white
   space or a comment, scanning forward; used to find a ';' after a
   statement. Returns src->len if none. */
unsigned source_skip_space(const struct source *src, unsigned off);
/* If the text at off is a call of function-like macro `name` (NAME(...)),
   returns one past its closing parenthesis; otherwise 0. Used for the
   yieldc markers, whose extent libclang loses when one is nested in
   another's argument. */
unsigned source_macro_call_end(const struct source *src, unsigned off,
                               const char *name);
/* 1 if the bytes [begin, end) spell exactly s. */
int source_is(const struct source *src, unsigned begin, unsigned end,
              const char *s);

#endif
