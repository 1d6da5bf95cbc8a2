/* diag.c - clang-style diagnostics. */
#include "diag.h"

#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int nerrors;

int diag_errors(void) { return nerrors; }

void diag_reset(void) { nerrors = 0; }

static const char *level_name(enum diag_level level) {
    switch (level) {
    case DIAG_NOTE:
        return "note";
    case DIAG_WARNING:
        return "warning";
    default:
        return "error";
    }
}

/* Reads line `line` (1-based) of a file on disk; NULL if unreadable. Only
   used when printing diagnostics outside the main file. */
static char *read_line(const char *path, unsigned line) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct buf b = {0};
    unsigned cur = 1;
    int c;
    while ((c = fgetc(f)) != EOF) {
        if (cur == line) {
            if (c == '\n')
                break;
            buf_putc(&b, (char)c);
        }
        if (c == '\n' && ++cur > line)
            break;
    }
    fclose(f);
    return cur >= line ? buf_take(&b) : (buf_free(&b), NULL);
}

/* The one printer: location, message, source line, caret, fix-it. */
static void report(const char *file, unsigned line, unsigned col,
                   const char *text, const char *fixit, enum diag_level level,
                   const char *msg) {
    if (level == DIAG_ERROR)
        nerrors++;
    fprintf(stderr, "%s:%u:%u: %s: %s\n", file, line, col, level_name(level),
            msg);
    if (!text)
        return;
    fprintf(stderr, "%s\n", text);
    /* The caret keeps the tabs of the source line so that it lines up. */
    size_t n = strlen(text);
    for (unsigned i = 0; i + 1 < col && i < n; i++)
        fputc(text[i] == '\t' ? '\t' : ' ', stderr);
    fputs("^\n", stderr);
    if (fixit) {
        for (unsigned i = 0; i + 1 < col && i < n; i++)
            fputc(text[i] == '\t' ? '\t' : ' ', stderr);
        fprintf(stderr, "%s\n", fixit);
    }
}

static void report_src(const struct source *src, unsigned off,
                       const char *fixit, enum diag_level level,
                       const char *msg) {
    unsigned line, col;
    source_linecol(src, off, &line, &col);
    unsigned b = src->lines[line - 1], e = b;
    while (e < src->len && src->data[e] != '\n' && src->data[e] != '\r')
        e++;
    char *text = xstrndup(src->data + b, e - b);
    report(src->path, line, col, text, fixit, level, msg);
    free(text);
}

void diag_at(const struct source *src, unsigned off, enum diag_level level,
             const char *fmt, ...) {
    struct buf msg = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    report_src(src, off, NULL, level, buf_str(&msg));
    buf_free(&msg);
}

void diag_fixit(const struct source *src, unsigned off, unsigned fix_end,
                const char *fix_text, enum diag_level level, const char *fmt,
                ...) {
    (void)fix_end;
    struct buf msg = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    report_src(src, off, fix_text, level, buf_str(&msg));
    buf_free(&msg);
}

static void vdiag_loc(CXSourceLocation loc, enum diag_level level,
                      const char *msg) {
    CXFile file;
    unsigned line, col, off;
    clang_getFileLocation(loc, &file, &line, &col, &off);
    if (!file) {
        diag_tool(level, "%s", msg);
        return;
    }
    CXString name = clang_getFileName(file);
    const char *path = clang_getCString(name);
    char *text = read_line(path, line);
    report(path, line, col, text, NULL, level, msg);
    free(text);
    clang_disposeString(name);
}

void diag_loc(CXSourceLocation loc, enum diag_level level, const char *fmt,
              ...) {
    struct buf msg = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    vdiag_loc(loc, level, buf_str(&msg));
    buf_free(&msg);
}

void diag_tool(enum diag_level level, const char *fmt, ...) {
    if (level == DIAG_ERROR)
        nerrors++;
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "yieldc: %s: ", level_name(level));
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

void diag_forward(CXTranslationUnit tu) {
    unsigned n = clang_getNumDiagnostics(tu);
    for (unsigned i = 0; i < n; i++) {
        CXDiagnostic d = clang_getDiagnostic(tu, i);
        enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
        if (sev >= CXDiagnostic_Error) {
            CXString text = clang_getDiagnosticSpelling(d);
            vdiag_loc(clang_getDiagnosticLocation(d), DIAG_ERROR,
                      clang_getCString(text));
            clang_disposeString(text);
        }
        clang_disposeDiagnostic(d);
    }
}
