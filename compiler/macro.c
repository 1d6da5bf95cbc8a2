/* macro.c - one level of macro expansion (see macro.h). */
#include "macro.h"

#include <stdlib.h>
#include <string.h>

/* A preprocessing token. */
struct tok {
    char *s;      /* its spelling */
    int literal;  /* a string or character literal */
    int space;    /* white space (or a comment) came before it */
    unsigned off; /* its offset in its file */
    unsigned end; /* one past its last byte */
};

struct toks {
    struct tok *t;
    unsigned n, cap;
};

static void toks_free(struct toks *v) {
    for (unsigned i = 0; i < v->n; i++)
        free(v->t[i].s);
    free(v->t);
    memset(v, 0, sizeof *v);
}

static void push(struct toks *v, const char *s, int literal, int space) {
    struct tok *t = VEC_PUSH(v->t, v->n, v->cap);
    t->s = xstrdup(s);
    t->literal = literal;
    t->space = space;
    t->off = t->end = 0;
}

/* The tokens of a range, with the white space between them. */
static void tokenize(CXTranslationUnit tu, CXSourceRange r, struct toks *v) {
    CXToken *ct;
    unsigned n;
    clang_tokenize(tu, r, &ct, &n);
    unsigned prev_end = 0;
    for (unsigned i = 0; i < n; i++) {
        CXTokenKind k = clang_getTokenKind(ct[i]);
        if (k == CXToken_Comment)
            continue;
        CXSourceRange e = clang_getTokenExtent(tu, ct[i]);
        unsigned b, en;
        clang_getFileLocation(clang_getRangeStart(e), NULL, NULL, NULL, &b);
        clang_getFileLocation(clang_getRangeEnd(e), NULL, NULL, NULL, &en);
        CXString s = clang_getTokenSpelling(tu, ct[i]);
        push(v, clang_getCString(s), k == CXToken_Literal,
             v->n && b > prev_end);
        clang_disposeString(s);
        v->t[v->n - 1].off = b;
        v->t[v->n - 1].end = en;
        prev_end = en;
    }
    clang_disposeTokens(tu, ct, n);
}

static int is(const struct tok *t, const char *s) { return !strcmp(t->s, s); }

static int ident_char(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
}

/* ------------------------------------------------------------------ */
/* Definitions and invocations                                         */
/* ------------------------------------------------------------------ */

/* A macro definition, taken apart. */
struct def {
    struct toks all;   /* NAME, the parameter list, the replacement */
    unsigned body;     /* index of the first replacement token */
    int function_like; /* NAME(params) */
    unsigned nparams;  /* parameters, the variadic one last */
    const char *params[128];
    int variadic; /* the last parameter takes the rest */
};

static int def_load(struct unit *u, CXCursor c, struct def *d) {
    memset(d, 0, sizeof *d);
    tokenize(u->tu, clang_getCursorExtent(c), &d->all);
    if (!d->all.n)
        return -1;
    /* Function-like when '(' touches the name. Not from libclang's
       clang_Cursor_isMacroFunctionLike, which answers for the name's
       current definition: after an #undef, for none. */
    d->function_like =
        d->all.n >= 2 && is(&d->all.t[1], "(") && !d->all.t[1].space;
    unsigned i = 1;
    if (d->function_like) {
        if (d->all.n < 2 || !is(&d->all.t[1], "("))
            return -1;
        for (i = 2; i < d->all.n && !is(&d->all.t[i], ")"); i++) {
            struct tok *t = &d->all.t[i];
            if (is(t, ","))
                continue;
            if (d->nparams == 128)
                return -1;
            if (is(t, "...")) {
                d->variadic = 1;
                d->params[d->nparams++] = "__VA_ARGS__";
            } else if (i + 1 < d->all.n && is(&d->all.t[i + 1], "...")) {
                d->variadic = 1; /* a named variadic parameter: args... */
                d->params[d->nparams++] = t->s;
                i++;
            } else {
                d->params[d->nparams++] = t->s;
            }
        }
        if (i == d->all.n)
            return -1;
        i++;
    }
    d->body = i;
    return 0;
}

/* The index of the parameter that token t names, or -1. */
static int param_of(const struct def *d, const struct tok *t) {
    if (!d->function_like)
        return -1;
    for (unsigned p = 0; p < d->nparams; p++)
        if (!strcmp(t->s, d->params[p]))
            return (int)p;
    return -1;
}

/* The arguments of an invocation: token index ranges [begin, end) into its
   tokens, one per parameter (missing trailing ones empty). */
struct args {
    struct toks toks; /* the invocation's tokens */
    unsigned begin[128];
    unsigned end[128];
    unsigned n;
};

static int args_load(struct unit *u, const struct invocation *m,
                     const struct def *d, struct args *a) {
    memset(a, 0, sizeof *a);
    tokenize(u->tu, clang_getCursorExtent(m->cursor), &a->toks);
    if (!d->function_like)
        return 0;
    struct toks *v = &a->toks;
    if (v->n < 3 || !is(&v->t[1], "(") || !is(&v->t[v->n - 1], ")"))
        return -1;
    unsigned start = 2;
    int depth = 0;
    for (unsigned i = 2; i < v->n; i++) {
        struct tok *t = &v->t[i];
        if (is(t, "(") || is(t, "[") || is(t, "{"))
            depth++;
        else if ((is(t, ")") || is(t, "]") || is(t, "}")) && depth > 0)
            depth--;
        else if ((is(t, ",") && depth == 0 &&
                  !(d->variadic && a->n + 1 >= d->nparams)) ||
                 i == v->n - 1) {
            if (a->n == 128)
                return -1;
            a->begin[a->n] = start;
            a->end[a->n] = i;
            a->n++;
            start = i + 1;
        }
    }
    /* F() of a macro without parameters has no argument, not one empty
       one; a variadic macro may be given nothing for "...". */
    if (d->nparams == 0 && a->n == 1 && a->begin[0] == a->end[0])
        a->n = 0;
    while (a->n < d->nparams)
        a->begin[a->n] = a->end[a->n] = v->n - 1, a->n++;
    return a->n == d->nparams ? 0 : -1;
}

/* ------------------------------------------------------------------ */
/* Substitution                                                        */
/* ------------------------------------------------------------------ */

/* Appends the spelling of argument p as a string literal (#p): tokens
   separated by one space where the invocation had white space, with the
   backslashes and quotes of literals escaped. */
static void stringize(const struct args *a, unsigned p, struct buf *b) {
    buf_putc(b, '"');
    for (unsigned i = a->begin[p]; i < a->end[p]; i++) {
        const struct tok *t = &a->toks.t[i];
        if (i > a->begin[p] && t->space)
            buf_putc(b, ' ');
        for (const char *c = t->s; *c; c++) {
            if (t->literal && (*c == '"' || *c == '\\'))
                buf_putc(b, '\\');
            buf_putc(b, *c);
        }
    }
    buf_putc(b, '"');
}

/* The replacement being built: tokens, with a pending paste (##). */
struct out {
    struct toks v;
    int paste;       /* the next token is pasted onto the last one */
    int placemarker; /* the last item was an empty argument */
};

/* Appends one token, pasting it onto the last one if a ## came between. */
static void out_tok(struct out *o, const char *s, int literal, int space) {
    if (o->paste && o->v.n && !o->placemarker) {
        struct tok *l = &o->v.t[o->v.n - 1];
        char *joined = xasprintf("%s%s", l->s, s);
        free(l->s);
        l->s = joined;
        l->literal = l->literal || literal;
    } else {
        push(&o->v, s, literal, space);
    }
    o->paste = 0;
    o->placemarker = 0;
}

/* Appends argument p as spelled: the compiler expands its macros when it
   reads the result, which is what the preprocessor's expansion of the
   argument before substitution amounts to. */
static void out_arg(struct out *o, const struct args *a, unsigned p,
                    int space) {
    if (a->begin[p] == a->end[p]) {
        if (o->paste)
            o->paste = 0; /* x ## <empty> is x */
        else
            o->placemarker = 1;
        return;
    }
    for (unsigned i = a->begin[p]; i < a->end[p]; i++) {
        const struct tok *t = &a->toks.t[i];
        out_tok(o, t->s, t->literal, i == a->begin[p] ? space : t->space);
    }
}

static void substitute(const struct def *d, const struct args *a, unsigned from,
                       unsigned to, struct out *o);

/* __VA_OPT__(content) at body index i: the content when the variadic
   argument has tokens. Returns the index of its closing parenthesis. */
static unsigned va_opt(const struct def *d, const struct args *a, unsigned i,
                       struct out *o) {
    unsigned open = i + 1, depth = 0, j;
    for (j = open; j < d->all.n; j++) {
        if (is(&d->all.t[j], "("))
            depth++;
        else if (is(&d->all.t[j], ")") && --depth == 0)
            break;
    }
    unsigned va = d->nparams - 1;
    if (j < d->all.n && a->begin[va] < a->end[va])
        substitute(d, a, open + 1, j, o);
    else
        o->placemarker = 1;
    return j;
}

/* Substitutes the replacement tokens [from, to) of d with arguments a. */
static void substitute(const struct def *d, const struct args *a, unsigned from,
                       unsigned to, struct out *o) {
    for (unsigned i = from; i < to; i++) {
        const struct tok *t = &d->all.t[i];
        int p = param_of(d, t);
        if (d->function_like && is(t, "#") && i + 1 < to &&
            param_of(d, &d->all.t[i + 1]) >= 0) {
            struct buf s = {0};
            stringize(a, (unsigned)param_of(d, &d->all.t[i + 1]), &s);
            out_tok(o, buf_str(&s), 1, t->space);
            buf_free(&s);
            i++;
        } else if (is(t, "##") && i > from && i + 1 < to) {
            /* GNU: , ## __VA_ARGS__ drops the comma when there are no
               variable arguments. */
            const struct tok *next = &d->all.t[i + 1];
            int pn = param_of(d, next);
            if (d->variadic && pn == (int)d->nparams - 1 && o->v.n &&
                is(&o->v.t[o->v.n - 1], ",") && a->begin[pn] == a->end[pn]) {
                free(o->v.t[--o->v.n].s);
                i++;
                continue;
            }
            o->paste = !o->placemarker;
            o->placemarker = 0;
        } else if (is(t, "__VA_OPT__") && d->variadic && i + 1 < to &&
                   is(&d->all.t[i + 1], "(")) {
            i = va_opt(d, a, i, o);
        } else if (p >= 0) {
            out_arg(o, a, (unsigned)p, t->space);
        } else {
            out_tok(o, t->s, t->literal, t->space);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Writing the result                                                  */
/* ------------------------------------------------------------------ */

/* Whether two tokens written side by side could read as one: two words,
   a word before a literal (L"x"), or two punctuators that form a longer
   one or a comment. */
static int must_separate(const char *a, const char *b) {
    if (!*a || !*b)
        return 0;
    char x = a[strlen(a) - 1], y = b[0];
    int wx = ident_char(x) || x == '.',
        wy = ident_char(y) || y == '"' || y == '\'';
    if (wx && (wy || y == '.'))
        return 1;
    if (ident_char(x) && (y == '+' || y == '-'))
        return 1; /* a number such as 1e+5 */
    static const char *const pairs[] = {
        "++", "--", "->", "<<", ">>", "<=", ">=", "==", "!=", "&&",
        "||", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "##",
        "//", "/*", "<:", ":>", "<%", "%>", "%:", "..", NULL};
    for (int i = 0; pairs[i]; i++)
        if (pairs[i][0] == x && pairs[i][1] == y)
            return 1;
    return 0;
}

/* The first non-blank byte at or after off, or 0. */
static char next_char(const struct source *src, unsigned off) {
    off = source_skip_space(src, off);
    return off < src->len ? src->data[off] : 0;
}

char *macro_expand(struct unit *u, int inv, const char **why) {
    const struct invocation *m = &u->macros[inv];
    CXCursor defc = clang_getCursorReferenced(m->cursor);
    struct def d = {0};
    struct args a;
    char *result = NULL;
    *why = "a macro whose definition yieldc cannot read";
    if (clang_Cursor_isNull(defc) || def_load(u, defc, &d) != 0) {
        toks_free(&d.all);
        return NULL;
    }
    if (args_load(u, m, &d, &a) != 0) {
        toks_free(&d.all);
        toks_free(&a.toks);
        return NULL;
    }
    struct out o = {{0}, 0, 0};
    substitute(&d, &a, d.body, d.all.n, &o);
    const char *name = d.all.t[0].s;
    struct buf b = {0};
    const struct source *src = &u->src;
    char before[2] = {m->begin ? src->data[m->begin - 1] : 0, 0};
    for (unsigned i = 0; i < o.v.n; i++) {
        struct tok *t = &o.v.t[i];
        /* A name the preprocessor would not expand again (it is the
           macro's own) would be expanded by the compiler reading it. */
        int next_paren = i + 1 < o.v.n ? is(&o.v.t[i + 1], "(")
                                       : next_char(src, m->end) == '(';
        if (!strcmp(t->s, name) && (!d.function_like || next_paren)) {
            *why = "a macro that names itself";
            goto done;
        }
        const char *prev = i ? o.v.t[i - 1].s : before;
        if (i && (t->space || must_separate(prev, t->s)))
            buf_putc(&b, ' ');
        else if (!i && must_separate(prev, t->s))
            buf_putc(&b, ' ');
        buf_puts(&b, t->s);
    }
    char after[2] = {m->end < src->len ? src->data[m->end] : 0, 0};
    if (o.v.n && must_separate(o.v.t[o.v.n - 1].s, after))
        buf_putc(&b, ' ');
    /* An empty expansion still separates what stood around it. */
    if (!b.len)
        buf_putc(&b, ' ');
    result = buf_take(&b);
done:
    buf_free(&b);
    toks_free(&o.v);
    toks_free(&d.all);
    toks_free(&a.toks);
    return result;
}

int macro_arg_unsafe(struct unit *u, int inv, unsigned off) {
    const struct invocation *m = &u->macros[inv];
    CXCursor defc = clang_getCursorReferenced(m->cursor);
    struct def d = {0};
    struct args a;
    int r = 0;
    if (clang_Cursor_isNull(defc) || def_load(u, defc, &d) != 0) {
        toks_free(&d.all);
        return 1; /* unknown: better expanded */
    }
    if (args_load(u, m, &d, &a) != 0) {
        r = 1;
        goto done;
    }
    for (unsigned p = 0; p < d.nparams && !r; p++) {
        if (a.begin[p] == a.end[p] || off < a.toks.t[a.begin[p]].off ||
            off >= a.toks.t[a.end[p] - 1].end)
            continue;
        for (unsigned i = d.body; i < d.all.n; i++) {
            if (param_of(&d, &d.all.t[i]) != (int)p)
                continue;
            if ((i > d.body &&
                 (is(&d.all.t[i - 1], "#") || is(&d.all.t[i - 1], "##"))) ||
                (i + 1 < d.all.n && is(&d.all.t[i + 1], "##")))
                r = 1;
        }
    }
done:
    toks_free(&d.all);
    toks_free(&a.toks);
    return r;
}
