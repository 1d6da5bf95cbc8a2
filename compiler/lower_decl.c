/* lower_decl.c - the state-machine lowering of declaration statements:
   a declarator whose initializer suspends gets its hoisted statements
   first; a pinned local (one that lives in the frame) becomes the
   initialization of its frame field; a statement of several declarators
   is split into one statement per declarator so that each can be treated
   alone. */
#include "decl.h"
#include "frame.h"
#include "lower_state.h"
#include "probe.h"

#include <stdlib.h>
#include <string.h>

static struct local *local_at(struct lower *L, int node) {
    for (unsigned i = L->co->nparams; i < L->co->nlocals; i++)
        if (L->co->locals[i].node == node)
            return &L->co->locals[i];
    return NULL;
}

/* Appends the statement that gives pinned local v its initial value
   (rendered initializer `init`, node initn): an assignment, through a
   compound literal for a braced initializer; arrays and structs with const
   members are initialized as a C local and copied into the frame. */
static void frame_init(struct lower *L, const struct local *v, int initn,
                       const char *init, struct buf *b) {
    const char *why;
    struct buf name = {0};
    frame_name(v, &name);
    CXType c = clang_getCanonicalType(v->type);
    int braces = L->t->n[initn].kind == CXCursor_InitListExpr;
    if (c.kind == CXType_ConstantArray || c.kind == CXType_IncompleteArray ||
        decl_has_const_member(v->type) || clang_isConstQualifiedType(v->type)) {
        buf_puts(b, "{ ");
        decl_format(v->type, "yc__v", DECL_STRIP_CONST, b, &why);
        buf_printf(b, " = %s; YC__MEMCPY(&%s, &yc__v, sizeof yc__v); } ", init,
                   buf_str(&name));
    } else if (braces) {
        buf_printf(b, "%s = (", buf_str(&name));
        decl_format(v->type, "", DECL_STRIP_CONST, b, &why);
        buf_printf(b, ")%s; ", init);
    } else {
        buf_printf(b, "%s = %s; ", buf_str(&name), init);
    }
    buf_free(&name);
}

/* The text of a declaration statement [db, de), split at its top-level
   commas into the part before the first declarator and the declarators. */
struct piece {
    unsigned begin, end;
};

struct pieces {
    unsigned spec_end; /* where the first declarator starts */
    struct piece *at;  /* each declarator */
    unsigned n, cap;
};

static int is_qualifier(const char *p, unsigned n) {
    static const char *const q[] = {"const",        "volatile",     "restrict",
                                    "__restrict",   "__restrict__", "__const",
                                    "__volatile__", "_Atomic",      NULL};
    for (int i = 0; q[i]; i++)
        if (strlen(q[i]) == n && !memcmp(p, q[i], n))
            return 1;
    return 0;
}

/* Where the declarator whose name is at name_off starts: back over '*',
   '(' and the qualifiers that follow a '*'. */
static unsigned declarator_start(const struct source *src, unsigned db,
                                 unsigned name_off) {
    const char *d = src->data;
    unsigned start = name_off, i = name_off;
    while (i > db) {
        unsigned k = i;
        while (k > db && (d[k - 1] == ' ' || d[k - 1] == '\t' ||
                          d[k - 1] == '\n' || d[k - 1] == '\r'))
            k--;
        if (k > db && (d[k - 1] == '*' || d[k - 1] == '(')) {
            start = i = k - 1;
            continue;
        }
        unsigned w = k;
        while (w > db &&
               (d[w - 1] == '_' || (d[w - 1] >= 'a' && d[w - 1] <= 'z') ||
                (d[w - 1] >= 'A' && d[w - 1] <= 'Z') ||
                (d[w - 1] >= '0' && d[w - 1] <= '9')))
            w--;
        if (w < k && is_qualifier(d + w, k - w)) {
            /* A qualifier belongs to the declarator only after a '*'. */
            unsigned q = w;
            while (q > db &&
                   (d[q - 1] == ' ' || d[q - 1] == '\t' || d[q - 1] == '\n'))
                q--;
            if (q > db && d[q - 1] == '*') {
                i = w;
                continue;
            }
        }
        break;
    }
    return start;
}

static void split_decl(struct lower *L, unsigned db, unsigned de,
                       unsigned first_name, struct pieces *p) {
    const struct source *src = &L->u->src;
    p->spec_end = declarator_start(src, db, first_name);
    unsigned e = de > p->spec_end && src->data[de - 1] == ';' ? de - 1 : de;
    /* At most one declarator more than the commas. */
    unsigned max = 1;
    for (unsigned i = p->spec_end; i < e; i++)
        max += src->data[i] == ',';
    unsigned *begins = xcalloc(max, sizeof *begins);
    unsigned *ends = xcalloc(max, sizeof *ends);
    int n = probe_commas(src, p->spec_end, e, begins, ends, (int)max);
    if (n < 0) { /* brackets a valid declaration matches: not reached */
        begins[0] = p->spec_end;
        ends[0] = e;
        n = 1;
    }
    p->n = 0;
    for (int k = 0; k < n; k++) {
        struct piece *pc = VEC_PUSH(p->at, p->n, p->cap);
        pc->begin = begins[k];
        pc->end = ends[k];
    }
    free(begins);
    free(ends);
}

/* s without leading and trailing blanks (in place). */
static char *trim(char *s) {
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n'))
        s[--n] = 0;
    size_t k = strspn(s, " \t\n");
    memmove(s, s + k, n - k + 1);
    return s;
}

/* The specifiers for a declarator after the first: a struct, union or
   enum defined there is named by its tag instead. */
static char *later_spec(const char *spec) {
    const char *open = strchr(spec, '{');
    if (!open)
        return xstrdup(spec);
    int depth = 0;
    const char *close = open;
    for (; *close; close++) {
        if (*close == '{')
            depth++;
        else if (*close == '}' && --depth == 0)
            break;
    }
    return xasprintf("%.*s%s", (int)(open - spec), spec,
                     *close ? close + 1 : "");
}

/* Whether declaration statement ds declares a pinned local. */
int lower_decl_pinned(struct lower *L, int ds) {
    const struct tree *t = L->t;
    for (int c = t->n[ds].first; c >= 0; c = t->n[c].next) {
        struct local *v =
            t->n[c].kind == CXCursor_VarDecl ? local_at(L, c) : NULL;
        if (v && v->pinned)
            return 1;
    }
    return 0;
}

/* The struct, union or enum that declaration statement ds defines, or -1. */
static int tag_definition(const struct tree *t, int ds) {
    for (int c = t->n[ds].first; c >= 0; c = t->n[c].next)
        if ((t->n[c].kind == CXCursor_StructDecl ||
             t->n[c].kind == CXCursor_UnionDecl ||
             t->n[c].kind == CXCursor_EnumDecl) &&
            clang_isCursorDefinition(t->n[c].c))
            return c;
    return -1;
}

/* How a declaration statement [db, de) is being rewritten. */
struct decl_state {
    unsigned db, de;
    int whole;       /* one C local: keep the statement's own text */
    struct pieces p; /* else its declarators, one statement each */
    char *spec;      /* the specifiers before the first declarator */
    int first;       /* the next declarator is the first one written */
};

/* Appends declarator k (VarDecl node c) of the statement to body: its
   hoisted statements, then its declaration (a C local) or initialization
   (a pinned local). */
static void decl_one(struct lower *L, struct decl_state *d, int c, int k,
                     struct buf *body) {
    struct local *v = local_at(L, c);
    int init = probe_var_init(L->t, c);
    if (init >= 0)
        lower_expr(L, init, 0, body);
    if (v && v->pinned) {
        if (init >= 0) {
            char *it = lower_render_node(L, init);
            frame_init(L, v, init, it, body);
            buf_puts(body, L->br);
            free(it);
        }
    } else if (d->whole) {
        char *text = lower_render(L, d->db, d->de);
        buf_printf(body, "%s %s", text, L->br);
        free(text);
    } else if (k < (int)d->p.n) {
        char *dt = lower_render(L, d->p.at[k].begin, d->p.at[k].end);
        char *sp = d->first ? xstrdup(d->spec) : later_spec(d->spec);
        buf_printf(body, "%s %s; %s", trim(sp), trim(dt), L->br);
        free(sp);
        free(dt);
    }
    d->first = 0;
}

/* Rewrites a declaration statement that declares pinned locals or holds
   suspension points, declarator by declarator. */
void lower_decl(struct lower *L, int ds) {
    const struct tree *t = L->t;
    int nvars = 0, any = 0, fv = -1;
    for (int c = t->n[ds].first; c >= 0; c = t->n[c].next) {
        if (t->n[c].kind != CXCursor_VarDecl)
            continue;
        nvars++;
        fv = fv < 0 ? c : fv;
        struct local *v = local_at(L, c);
        any |= (v && v->pinned) || lower_suspends(L, c);
    }
    struct decl_state d = {0};
    if (!any || !probe_range(L->co, ds, &d.db, &d.de))
        return;
    unsigned mark = L->nlive;
    struct buf out = {0}, body = {0};
    d.first = 1;
    d.whole = nvars == 1 && !lower_decl_pinned(L, ds);
    /* A struct, union or enum that the declaration defines stays defined
       where it was, when the declarators become statements. */
    int tagdef = tag_definition(t, ds);
    if (tagdef >= 0 && !d.whole) {
        char *def = lower_render_node(L, tagdef);
        buf_printf(&body, "%s; ", def);
        free(def);
        d.first = 0;
    }
    if (nvars > 1) {
        struct local *v0 = local_at(L, fv);
        split_decl(L, d.db, d.de, v0 ? v0->name_off : d.db, &d.p);
        d.spec = lower_render(L, d.db, d.p.spec_end);
    }
    int k = 0;
    for (int c = t->n[ds].first; c >= 0; c = t->n[c].next)
        if (t->n[c].kind == CXCursor_VarDecl)
            decl_one(L, &d, c, k++, &body);
    lower_temp_decls(L, mark, &out);
    if (out.len)
        buf_puts(&out, L->br);
    buf_puts(&out, buf_str(&body));
    if (!out.len)
        buf_putc(&out, ';');
    lower_place(L, d.db, d.de, buf_str(&out));
    L->nlive = mark;
    free(d.spec);
    free(d.p.at);
    buf_free(&out);
    buf_free(&body);
}
