/* probe.c - reading a coroutine body's spelled text (see probe.h). */
#include "probe.h"

#include <string.h>

int probe_range(struct coro *co, int i, unsigned *b, unsigned *e) {
    if (!tree_range(&co->tree, i, b, e))
        return 0;
    for (unsigned k = 0; k < co->nsusps; k++)
        if (co->susps[k].begin >= *b && co->susps[k].begin <= *e &&
            co->susps[k].end > *e)
            *e = co->susps[k].end;
    return 1;
}

int probe_is_stmt(enum CXCursorKind k) {
    return clang_isStatement(k) || k == CXCursor_DeclStmt;
}

/* The offset of a ';' standing right after off (after blanks and
   comments), or 0. */
static unsigned semicolon_after(const struct source *src, unsigned off,
                                unsigned *at) {
    unsigned semi = source_skip_space(src, off);
    *at = semi;
    return semi < src->len && src->data[semi] == ';' ? semi + 1 : 0;
}

unsigned probe_stmt_end(struct coro *co, int i, unsigned *at) {
    const struct tree *t = &co->tree;
    const struct source *src = t->src;
    unsigned b, e;
    *at = 0;
    if (!probe_range(co, i, &b, &e))
        return 0;
    switch (t->n[i].kind) {
    case CXCursor_CompoundStmt:
    case CXCursor_DeclStmt:
    case CXCursor_NullStmt:
        return e;
    case CXCursor_IfStmt:
    case CXCursor_WhileStmt:
    case CXCursor_ForStmt:
    case CXCursor_SwitchStmt:
    case CXCursor_LabelStmt:
    case CXCursor_CaseStmt:
    case CXCursor_DefaultStmt: {
        int last = t->n[i].last;
        if (last < 0)
            return e;
        unsigned r = probe_stmt_end(co, last, at);
        return r && r < e ? e : r;
    }
    default:
        return semicolon_after(src, e, at);
    }
}

static const char *const binary_ops[] = {
    "*",  "/",   "%",   "+",  "-",  "<<", ">>", "<",  ">",  "<=", "==",
    "!=", "&",   "^",   "|",  "&&", "||", "=",  "*=", "/=", "%=", "+=",
    "-=", "<<=", ">>=", "&=", "^=", "|=", ",",  ">=", NULL};

const char *probe_binop(struct coro *co, int i, unsigned *gap_b,
                        unsigned *gap_e) {
    const struct tree *t = &co->tree;
    const struct source *src = t->src;
    unsigned nb, ne, lb, le, rb, re;
    int lhs = t->n[i].first, rhs = t->n[i].last;
    *gap_b = *gap_e = 0;
    if (t->n[i].nkids != 2 || !probe_range(co, i, &nb, &ne) ||
        !probe_range(co, lhs, &lb, &le) || !probe_range(co, rhs, &rb, &re) ||
        le > rb)
        return NULL;
    *gap_b = le;
    *gap_e = rb;
    if (nb != lb || ne != re)
        return NULL;
    unsigned ob = source_skip_space(src, le), oe = ob;
    while (oe < rb && strchr("*/%+-<>=!&^|,", src->data[oe]))
        oe++;
    if (source_skip_space(src, oe) != rb)
        return NULL;
    for (int k = 0; binary_ops[k]; k++)
        if (source_is(src, ob, oe, binary_ops[k]))
            return binary_ops[k];
    return NULL;
}

int probe_conditional(struct coro *co, int i) {
    const struct tree *t = &co->tree;
    const struct source *src = t->src;
    unsigned nb, ne, cb, ce, tb, te, eb, ee;
    if (t->n[i].nkids != 3)
        return 0;
    int c = t->n[i].first, a = t->n[c].next, b = t->n[a].next;
    if (!probe_range(co, i, &nb, &ne) || !probe_range(co, c, &cb, &ce) ||
        !probe_range(co, a, &tb, &te) || !probe_range(co, b, &eb, &ee))
        return 0;
    unsigned q = source_skip_space(src, ce), colon = source_skip_space(src, te);
    return nb == cb && ne == ee && q < src->len && src->data[q] == '?' &&
           source_skip_space(src, q + 1) == tb && colon < src->len &&
           src->data[colon] == ':' && source_skip_space(src, colon + 1) == eb;
}

/* Skips a string or character literal starting at i; returns the index of
   its closing quote. */
static unsigned skip_literal(const struct source *src, unsigned i,
                             unsigned end) {
    char q = src->data[i];
    for (i++; i < end && src->data[i] != q; i++)
        if (src->data[i] == '\\')
            i++;
    return i;
}

int probe_commas(const struct source *src, unsigned b, unsigned e,
                 unsigned *begins, unsigned *ends, int max) {
    const char *d = src->data;
    int n = 0, depth = 0;
    unsigned start = b;
    for (unsigned i = b; i <= e; i++) {
        char c = i < e ? d[i] : ',';
        if (i < e && (c == '"' || c == '\'')) {
            i = skip_literal(src, i, e);
        } else if (i < e && c == '/' && (d[i + 1] == '*' || d[i + 1] == '/')) {
            i = source_skip_space(src, i) - 1;
        } else if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if (c == ')' || c == ']' || c == '}') {
            if (depth-- == 0)
                return -1; /* closes what [b, e) did not open */
        } else if (c == ',' && depth == 0) {
            unsigned ab = source_skip_space(src, start), ae = i;
            if (ab > ae)
                ab = ae;
            while (ae > ab && (d[ae - 1] == ' ' || d[ae - 1] == '\t' ||
                               d[ae - 1] == '\n' || d[ae - 1] == '\r'))
                ae--;
            /* The end of the text adds a part only if there is one. */
            if (ab < ae || i < e) {
                if (n == max)
                    return -1;
                begins[n] = ab;
                ends[n] = ae;
                n++;
            }
            start = i + 1;
        }
    }
    return depth == 0 ? n : -1;
}

int probe_split_args(const struct source *src, unsigned open, unsigned e,
                     unsigned *begins, unsigned *ends, int max) {
    const char *d = src->data;
    if (open >= e || d[open] != '(' || d[e - 1] != ')')
        return -1;
    return probe_commas(src, open + 1, e - 1, begins, ends, max);
}

int probe_args(struct coro *co, int call, unsigned *begins, unsigned *ends,
               int max) {
    const struct tree *t = &co->tree;
    unsigned b, e, cb, ce;
    int callee = t->n[call].first;
    if (callee < 0 || !probe_range(co, call, &b, &e) ||
        !probe_range(co, callee, &cb, &ce) || cb != b)
        return -1;
    return probe_split_args(t->src, source_skip_space(t->src, ce), e, begins,
                            ends, max);
}

int probe_for(struct coro *co, int i, struct for_parts *fp) {
    const struct tree *t = &co->tree;
    const struct source *src = t->src;
    const char *d = src->data;
    fp->init = fp->cond = fp->inc = -1;
    fp->body = t->n[i].last;
    unsigned b, e, semi[2] = {0, 0}, nsemi = 0;
    if (!probe_range(co, i, &b, &e) || !source_is(src, b, b + 3, "for"))
        return 0;
    /* The two ';' of the head, at parenthesis depth 1. */
    unsigned k = b + 3;
    int depth = 0;
    for (; k < e && nsemi < 2; k++) {
        char ch = d[k];
        if (ch == '"' || ch == '\'')
            k = skip_literal(src, k, e);
        else if (ch == '/' && (d[k + 1] == '*' || d[k + 1] == '/'))
            k = source_skip_space(src, k) - 1;
        else if (ch == '(')
            depth++;
        else if (ch == ')' && --depth == 0)
            break;
        else if (ch == ';' && depth == 1)
            semi[nsemi++] = k;
    }
    if (nsemi != 2)
        return 0;
    for (int c = t->n[i].first; c >= 0 && c != fp->body; c = t->n[c].next) {
        unsigned cb, ce;
        if (!probe_range(co, c, &cb, &ce))
            return 0;
        if (cb < semi[0])
            fp->init = c;
        else if (cb < semi[1])
            fp->cond = c;
        else
            fp->inc = c;
    }
    return 1;
}

int probe_var_init(const struct tree *t, int i) {
    if (t->n[i].last < 0 ||
        clang_Cursor_isNull(clang_Cursor_getVarDeclInitializer(t->n[i].c)))
        return -1;
    return t->n[i].last;
}
