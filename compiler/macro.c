/* macro.c - macro arguments that a rewrite must not touch: those that their
   macro stringifies (#x) or pastes (a##x). Renaming a local inside such an
   argument would change the string or the pasted name, so lower keeps the
   name there and gives the statement a C local of that name instead. */
#include "diag.h"
#include "pass.h"

#include <stdlib.h>
#include <string.h>

/* The parameters of a function-like macro that its body stringifies or
   pastes, as a bit set by parameter index (the last one stands for all
   variadic arguments). Returns the number of parameters. */
static unsigned unsafe_params(CXTranslationUnit tu, CXCursor def,
                              unsigned long long *mask, int *variadic) {
    CXToken *toks;
    unsigned nt, nparams = 0;
    char *params[64];
    *mask = 0;
    *variadic = 0;
    clang_tokenize(tu, clang_getCursorExtent(def), &toks, &nt);
    char **sp = xcalloc(nt ? nt : 1, sizeof *sp);
    unsigned n = 0;
    for (unsigned i = 0; i < nt; i++) {
        if (clang_getTokenKind(toks[i]) == CXToken_Comment)
            continue;
        CXString s = clang_getTokenSpelling(tu, toks[i]);
        sp[n++] = xstrdup(clang_getCString(s));
        clang_disposeString(s);
    }
    clang_disposeTokens(tu, toks, nt);
    unsigned i = 2; /* after NAME ( */
    for (; i < n && strcmp(sp[i], ")") && nparams < 64; i++) {
        if (!strcmp(sp[i], ","))
            continue;
        if (!strcmp(sp[i], "...")) {
            *variadic = 1;
            if (nparams && i > 0 && strcmp(sp[i - 1], ","))
                continue; /* named variadic: args... */
            params[nparams++] = "__VA_ARGS__";
        } else {
            params[nparams++] = sp[i];
        }
    }
    for (unsigned b = i + 1; b < n; b++) {
        int hash = !strcmp(sp[b], "#"), paste = !strcmp(sp[b], "##");
        if (!hash && !paste)
            continue;
        for (unsigned p = 0; p < nparams; p++) {
            if ((b + 1 < n && !strcmp(sp[b + 1], params[p])) ||
                (paste && b > i + 1 && !strcmp(sp[b - 1], params[p])))
                *mask |= 1ull << p;
        }
    }
    for (unsigned k = 0; k < n; k++)
        free(sp[k]);
    free(sp);
    return nparams;
}

static void add_range(struct unit *u, unsigned b, unsigned e) {
    *VEC_PUSH(u->unsafe, u->nunsafe, u->capunsafe) = b;
    *VEC_PUSH(u->unsafe, u->nunsafe, u->capunsafe) = e;
}

/* Splits the invocation NAME(a, b, ...) at [off, end) into argument ranges
   and records those of unsafe parameters. */
static void record_args(struct unit *u, unsigned off, unsigned end,
                        unsigned long long mask, unsigned nparams,
                        int variadic) {
    const char *d = u->src.data;
    unsigned i = off;
    while (i < end && d[i] != '(')
        i++;
    unsigned arg = 0, start = ++i;
    int depth = 0;
    for (; i < end; i++) {
        char c = d[i];
        if (c == '"' || c == '\'') {
            for (i++; i < end && d[i] != c; i++)
                if (d[i] == '\\')
                    i++;
        } else if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
            depth--;
        } else if ((c == ',' && depth == 0) || (c == ')' && depth == 0)) {
            unsigned p = arg < nparams ? arg : nparams - 1;
            int in_variadic = variadic && nparams && arg >= nparams - 1;
            if (nparams && (mask >> (in_variadic ? nparams - 1 : p) & 1))
                add_range(u, start, i);
            arg++;
            start = i + 1;
            if (c == ')')
                return;
        }
    }
}

/* What unsafe_params found for one macro definition. */
struct macro_info {
    CXCursor def;            /* the MacroDefinition */
    unsigned long long mask; /* its unsafe parameters */
    unsigned nparams;        /* its parameter count */
    int variadic;            /* it takes "..." */
};

/* The macros met so far: a body expands the same few macros (YC_AWAIT,
   YC_YIELD) many times, and tokenizing a definition again for each
   expansion cost more than the rest of this pass. */
struct macro_walk {
    struct unit *u;
    struct macro_info *seen;
    unsigned nseen, capseen;
};

static const struct macro_info *info_of(struct macro_walk *mw, CXCursor def) {
    for (unsigned i = 0; i < mw->nseen; i++)
        if (clang_equalCursors(mw->seen[i].def, def))
            return &mw->seen[i];
    struct macro_info *m = VEC_PUSH(mw->seen, mw->nseen, mw->capseen);
    m->def = def;
    m->nparams = unsafe_params(mw->u->tu, def, &m->mask, &m->variadic);
    return m;
}

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent,
                                     CXClientData data) {
    (void)parent;
    struct macro_walk *mw = data;
    struct unit *u = mw->u;
    if (clang_getCursorKind(c) != CXCursor_MacroExpansion)
        return CXChildVisit_Continue;
    unsigned b, e;
    if (!source_range(&u->src, c, &b, &e))
        return CXChildVisit_Continue;
    const struct coro *co = find_coro_at(u, b);
    int inside = co && b > co->body_begin && b < co->body_end;
    /* Definitions that overlap (one macro expanding to several) need the
       scan: the first one holding b need not be the one whose body does. */
    for (unsigned i = 0; !u->coros_disjoint && i < u->ncoros && !inside; i++)
        inside = b > u->coros[i].body_begin && b < u->coros[i].body_end;
    CXCursor def = clang_getCursorReferenced(c);
    if (!inside || clang_Cursor_isNull(def) ||
        !clang_Cursor_isMacroFunctionLike(def))
        return CXChildVisit_Continue;
    const struct macro_info *m = info_of(mw, def);
    if (m->mask)
        record_args(u, b, e, m->mask, m->nparams, m->variadic);
    return CXChildVisit_Continue;
}

void macro_find_unsafe_args(struct unit *u) {
    struct macro_walk mw = {u, NULL, 0, 0};
    clang_visitChildren(clang_getTranslationUnitCursor(u->tu), visit, &mw);
    free(mw.seen);
}

int macro_unsafe_at(const struct unit *u, unsigned off) {
    for (unsigned i = 0; i + 1 < u->nunsafe; i += 2)
        if (off >= u->unsafe[i] && off < u->unsafe[i + 1])
            return 1;
    return 0;
}
