/* normalize.c - rewriting macro invocations the state machine cannot
   rewrite as written (see normalize.h). */
#include "normalize.h"

#include "analyse.h"
#include "cursor.h"
#include "diag.h"
#include "find.h"
#include "macro.h"
#include "parse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Rounds of rewriting before giving up: each round expands one more level
   of macros, and real code rarely nests more than a few. */
#define MAX_ROUNDS 8

/* The original parse, kept to check rewritten coroutines against. */
struct original {
    CXTranslationUnit tu;
    struct source src; /* its text (the file's) */
    char **usrs;       /* coroutines whose text was rewritten */
    unsigned nusrs, capusrs;
};

static void remember(struct original *o, const char *usr) {
    for (unsigned i = 0; i < o->nusrs; i++)
        if (!strcmp(o->usrs[i], usr))
            return;
    *VEC_PUSH(o->usrs, o->nusrs, o->capusrs) = xstrdup(usr);
}

static struct coro *coro_at(struct unit *u, unsigned off) {
    for (unsigned i = 0; i < u->ncoros; i++)
        if (off >= u->coros[i].def_begin && off < u->coros[i].def_end)
            return &u->coros[i];
    return NULL;
}

/* Records that coroutine co must take the stackful form because of `what`
   at offset off of the current text. */
static void force(struct unit *u, struct coro *co, unsigned off,
                  const char *what) {
    for (unsigned i = 0; i < u->nforced; i++)
        if (!strcmp(u->forced[i].usr, co->decl->usr))
            return;
    struct forced *f = VEC_PUSH(u->forced, u->nforced, u->capforced);
    f->usr = xstrdup(co->decl->usr);
    f->what = what;
    source_linecol(&u->src, off, &f->line, &f->col);
}

/* ------------------------------------------------------------------ */
/* Rewriting the text                                                  */
/* ------------------------------------------------------------------ */

static int cmp_unsigned(const void *a, const void *b) {
    unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
    return x < y ? -1 : x > y;
}

static int invocation_at(const struct unit *u, unsigned begin) {
    for (unsigned i = find_macros_from(u, begin); i < u->nmacros; i++)
        if (u->macros[i].begin == begin && !u->macros[i].is_marker)
            return (int)i;
    return -1;
}

/* Appends text with its NUL bytes written as \000 inside a string or
   character literal, and as a space outside: compilers take a NUL there
   for white space (it separates `double` from `x` in "double\0x"). */
static void put_without_nul(struct buf *b, const char *p, unsigned n) {
    char quote = 0;
    for (unsigned i = 0; i < n; i++) {
        char c = p[i];
        if (!c) {
            buf_puts(b, quote ? "\\000" : " ");
            continue;
        }
        if (quote && c == '\\' && i + 1 < n) {
            /* A backslash before a NUL escapes it: still that NUL. */
            if (!p[++i]) {
                buf_puts(b, "\\000");
            } else {
                buf_putc(b, c);
                buf_putc(b, p[i]);
            }
            continue;
        }
        if (c == '"' || c == '\'')
            quote = quote == c ? 0 : quote ? quote : c;
        else if (c == '\n')
            quote = 0;
        buf_putc(b, c);
    }
}

/* Appends the source text [from, to), with the NUL bytes of coroutine
   definitions replaced (put_without_nul); marks those coroutines in o. */
static void copy_source(struct unit *u, struct original *o, struct buf *b,
                        unsigned from, unsigned to) {
    const char *d = u->src.data;
    for (unsigned i = 0; i < u->ncoros && from < to; i++) {
        const struct coro *co = &u->coros[i];
        unsigned lo = co->def_begin > from ? co->def_begin : from;
        unsigned hi = co->def_end < to ? co->def_end : to;
        if (lo >= hi || !memchr(d + lo, 0, hi - lo))
            continue;
        buf_putn(b, d + from, lo - from);
        put_without_nul(b, d + lo, hi - lo);
        remember(o, co->decl->usr);
        from = hi;
    }
    if (from < to)
        buf_putn(b, d + from, to - from);
}

/* The text with the marked invocations expanded (one line each, then the
   newlines they spanned) and NUL bytes of coroutine definitions replaced. Marks
   the coroutines it changes in o; a coroutine whose macro cannot be
   expanded is forced to the stackful form instead. */
static char *rewrite(struct unit *u, struct original *o, unsigned *len) {
    const struct source *src = &u->src;
    if (u->nexpand)
        qsort(u->expand, u->nexpand, sizeof *u->expand, cmp_unsigned);
    struct buf b = {0};
    unsigned pos = 0, upto = 0; /* copied up to pos; skip inside upto */
    for (unsigned i = 0; i < u->nexpand; i++) {
        int inv = invocation_at(u, u->expand[i]);
        if (inv < 0 || u->macros[inv].begin < upto)
            continue; /* inside one expanded already */
        const struct invocation *m = &u->macros[inv];
        struct coro *co = coro_at(u, m->begin);
        const char *why;
        char *text = macro_expand(u, inv, &why);
        if (!text) {
            if (co)
                force(u, co, m->begin, why);
            continue;
        }
        if (co)
            remember(o, co->decl->usr);
        copy_source(u, o, &b, pos, m->begin);
        buf_puts(&b, text);
        for (unsigned k = m->begin; k < m->end; k++)
            if (src->data[k] == '\n')
                buf_putc(&b, '\n');
        free(text);
        pos = upto = m->end;
    }
    copy_source(u, o, &b, pos, src->len);
    *len = (unsigned)b.len;
    return b.data ? buf_take(&b) : xstrdup("");
}

/* Whether some coroutine definition holds a NUL byte. */
static int defs_have_nul(const struct unit *u) {
    for (unsigned i = 0; i < u->ncoros; i++) {
        const struct coro *co = &u->coros[i];
        if (co->def_end <= u->src.len &&
            memchr(u->src.data + co->def_begin, 0, co->def_end - co->def_begin))
            return 1;
    }
    return 0;
}

/* Parses text as the main file and starts the analysis over on it.
   Returns 0, or 1 if the new text does not parse (a rewrite went wrong). */
static int reanalyse(struct unit *u, struct original *o, char *text,
                     unsigned len) {
    CXTranslationUnit tu = parse_text(u, text, len);
    if (!tu) {
        free(text);
        return 1;
    }
    for (unsigned i = 0; i < clang_getNumDiagnostics(tu); i++) {
        CXDiagnostic d = clang_getDiagnostic(tu, i);
        int bad = clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error;
        clang_disposeDiagnostic(d);
        if (bad) {
            clang_disposeTranslationUnit(tu);
            free(text);
            return 1;
        }
    }
    if (u->tu != o->tu)
        clang_disposeTranslationUnit(u->tu);
    u->tu = tu;
    source_replace(&u->src, text, len, clang_getFile(tu, u->input));
    unit_clear(u);
    edit_free(&u->edits);
    if (find_run(u) || analyse_run(u))
        return 1;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Checking against the original                                       */
/* ------------------------------------------------------------------ */

struct def_search {
    const char *usr;
    CXCursor found;
};

static enum CXChildVisitResult find_def(CXCursor c, CXCursor parent,
                                        CXClientData data) {
    (void)parent;
    struct def_search *s = data;
    if (clang_getCursorKind(c) == CXCursor_FunctionDecl &&
        clang_isCursorDefinition(c)) {
        char *usr = cursor_usr(c);
        int same = !strcmp(usr, s->usr);
        free(usr);
        if (same) {
            s->found = c;
            return CXChildVisit_Break;
        }
    }
    return CXChildVisit_Continue;
}

/* clang's printing of the definition of the function with this USR. */
static char *printed(CXTranslationUnit tu, const char *usr) {
    struct def_search s = {usr, clang_getNullCursor()};
    clang_visitChildren(clang_getTranslationUnitCursor(tu), find_def, &s);
    if (clang_Cursor_isNull(s.found))
        return NULL;
    CXPrintingPolicy p = clang_getCursorPrintingPolicy(s.found);
    CXString str = clang_getCursorPrettyPrinted(s.found, p);
    char *r = xstrdup(clang_getCString(str));
    clang_disposeString(str);
    clang_PrintingPolicy_dispose(p);
    return r;
}

/* The rewritten coroutines whose definition does not print the same as
   the original: each goes back to its original text, stackful. Returns the
   new text, or NULL if all are the same. */
static char *check(struct unit *u, struct original *o, unsigned *len) {
    struct buf b = {0};
    unsigned pos = 0;
    int changed = 0;
    for (unsigned i = 0; i < u->ncoros; i++) {
        struct coro *co = &u->coros[i];
        int rewritten = 0;
        for (unsigned k = 0; k < o->nusrs && !rewritten; k++)
            rewritten = !strcmp(o->usrs[k], co->decl->usr);
        if (!rewritten)
            continue;
        char *was = printed(o->tu, co->decl->usr);
        char *now = printed(u->tu, co->decl->usr);
        int same = was && now && !strcmp(was, now);
        free(was);
        free(now);
        if (same)
            continue;
        /* The original definition's text, from the original parse. */
        struct def_search s = {co->decl->usr, clang_getNullCursor()};
        clang_visitChildren(clang_getTranslationUnitCursor(o->tu), find_def,
                            &s);
        unsigned ob, oe;
        if (clang_Cursor_isNull(s.found) ||
            !source_range(&o->src, s.found, &ob, &oe))
            continue;
        force(u, co, co->def_begin,
              "macros that yieldc cannot rewrite exactly");
        buf_putn(&b, u->src.data + pos, co->def_begin - pos);
        buf_putn(&b, o->src.data + ob, oe - ob);
        pos = co->def_end;
        changed = 1;
    }
    if (!changed) {
        buf_free(&b);
        return NULL;
    }
    buf_putn(&b, u->src.data + pos, u->src.len - pos);
    *len = (unsigned)b.len;
    return buf_take(&b);
}

/* ------------------------------------------------------------------ */
/* The pass                                                            */
/* ------------------------------------------------------------------ */

/* The warning for each coroutine that takes the stackful form. */
static void warn(struct unit *u) {
    if (u->opt.stackful)
        return;
    for (unsigned i = 0; i < u->ncoros; i++) {
        const struct coro *co = &u->coros[i];
        if (co->stackful && co->nreasons)
            diag_at(&u->src, co->reasons[0].off, DIAG_WARNING,
                    "coroutine '%s' is lowered to the stackful form (it runs "
                    "on its own stack) because of %s",
                    co->name, co->reasons[0].what);
        for (unsigned k = 0; !co->stackful && k < co->nplain_ptrs; k++)
            diag_at(&u->src, co->plain_ptrs[k].off, DIAG_WARNING,
                    "coroutine '%s' passed as a plain function pointer: a "
                    "call through it runs the scheduler nested on this "
                    "micro-thread's stack until it returns; call from a "
                    "stackful micro-thread (yc_go) so that it can suspend, "
                    "or cast the pointer to say this is meant",
                    co->plain_ptrs[k].what);
    }
}

/* Starts the analysis over on the current text, for the coroutines just
   forced to the stackful form. */
static int analyse_again(struct unit *u) {
    unit_clear(u);
    return find_run(u) || analyse_run(u);
}

/* Forces the coroutines that still ask for rewrites to the stackful
   form. */
static void give_up(struct unit *u, const char *why) {
    for (unsigned i = 0; i < u->nexpand; i++) {
        struct coro *co = coro_at(u, u->expand[i]);
        if (co)
            force(u, co, u->expand[i], why);
    }
}

int normalize_run(struct unit *u) {
    if (!u->nexpand && !defs_have_nul(u)) {
        warn(u);
        return 0;
    }
    struct original o = {u->tu, {0}, NULL, 0, 0};
    o.src = u->src;
    o.src.data = xmalloc(u->src.len + 1);
    memcpy(o.src.data, u->src.data, u->src.len + 1);
    o.src.lines = NULL; /* only ranges are read from it */
    o.src.nlines = 0;
    o.src.memo = NULL;
    o.src.path = NULL;
    int rc = 0, rounds = 0, checks = 0, gave_up = 0;
    while (!rc) {
        unsigned len;
        char *text;
        if (!gave_up && (u->nexpand || (rounds == 0 && defs_have_nul(u)))) {
            if (rounds++ == MAX_ROUNDS) {
                /* The rest stays as it is: the analysis of that text may
                   still ask for expansions, which are not made. */
                give_up(u, "macros nested too deeply");
                gave_up = 1;
                rc = analyse_again(u);
                continue;
            }
            text = rewrite(u, &o, &len);
            if (reanalyse(u, &o, text, len)) {
                /* The rewrite does not parse: give those coroutines up. */
                if (diag_errors())
                    rc = 1;
                else {
                    give_up(u, "macros that yieldc cannot rewrite");
                    gave_up = 1;
                    rc = analyse_again(u);
                }
            }
            continue;
        }
        text = checks++ < 2 ? check(u, &o, &len) : NULL;
        if (!text)
            break;
        if (reanalyse(u, &o, text, len)) {
            if (!diag_errors())
                diag_tool(DIAG_ERROR,
                          "internal error: the checked text of "
                          "%s does not parse again",
                          u->opt.input);
            rc = 1;
        }
    }
    if (!rc)
        warn(u);
    /* The coroutines whose text is now rewritten (the others kept or got
       back their own). */
    for (unsigned i = 0; i < u->ncoros; i++)
        for (unsigned k = 0; k < o.nusrs; k++)
            if (!u->coros[i].stackful &&
                !strcmp(o.usrs[k], u->coros[i].decl->usr))
                u->coros[i].expanded = 1;
    if (u->tu != o.tu)
        clang_disposeTranslationUnit(o.tu);
    for (unsigned i = 0; i < o.nusrs; i++)
        free(o.usrs[i]);
    free(o.usrs);
    free(o.src.data);
    return rc || diag_errors() != 0;
}

void normalize_print(const struct unit *u) {
    for (unsigned i = 0; i < u->ncoros; i++) {
        const struct coro *co = &u->coros[i];
        if (!co->expanded)
            continue;
        printf("coroutine %s: macros expanded\n%.*s\n", co->name,
               (int)(co->body_end - co->body_begin),
               u->src.data + co->body_begin);
    }
    analyse_print(u);
}
