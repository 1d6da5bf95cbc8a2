/* diag.h - clang-style diagnostics: file:line:col, the source line, a caret
   and an optional fix-it. */
#ifndef YC_DIAG_H
#define YC_DIAG_H

#include "source.h"

#include <clang-c/Index.h>

enum diag_level {
    DIAG_NOTE,    /* attached to the previous error or warning */
    DIAG_WARNING, /* the run goes on */
    DIAG_ERROR    /* the run stops before anything is written */
};

/* A diagnostic at a byte offset of the main file. */
void diag_at(const struct source *src, unsigned off, enum diag_level level,
             const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* The same, with a fix-it: replacing [off, fix_end) by fix_text. */
void diag_fixit(const struct source *src, unsigned off, unsigned fix_end,
                const char *fix_text, enum diag_level level, const char *fmt,
                ...) __attribute__((format(printf, 6, 7)));
/* A diagnostic at any libclang location (the main file or a header). */
void diag_loc(CXSourceLocation loc, enum diag_level level, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A diagnostic about the run itself ("yieldc: error: ..."). */
void diag_tool(enum diag_level level, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Prints libclang's errors for the translation unit through the same path;
   warnings are left to the C compiler that compiles the output. */
void diag_forward(CXTranslationUnit tu);
/* Number of errors reported so far. */
int diag_errors(void);
/* Forgets the errors counted so far (a fuzz target translates many
   inputs in one process). */
void diag_reset(void);

#endif
