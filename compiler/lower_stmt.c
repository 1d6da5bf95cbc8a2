/* lower_stmt.c - the state-machine lowering of statements: loops,
   conditions, and the driver of one coroutine's lowering (see
   lower_state.h; declarations are in lower_decl.c). */
#include "cleanup.h"
#include "decl.h"
#include "frame.h"
#include "lower_state.h"
#include "probe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Helpers shared with lower_expr.c                                    */
/* ------------------------------------------------------------------ */

char *lower_render(struct lower *L, unsigned b, unsigned e) {
    return edit_text(&L->u->edits, &L->u->src, b, e);
}

char *lower_render_node(struct lower *L, int i) {
    unsigned b, e;
    if (!probe_range(L->co, i, &b, &e))
        return xstrdup("");
    return lower_render(L, b, e);
}

void lower_replace(struct lower *L, int i, const char *text) {
    unsigned b, e;
    if (L->t->n[i].mark == MARK_AWAIT || L->t->n[i].mark == MARK_YIELD) {
        /* A marker's text is the whole YC_AWAIT(...) invocation. */
        for (unsigned k = 0; k < L->co->nsusps; k++)
            if (L->co->susps[k].node == i) {
                edit_replace(&L->u->edits, L->co->susps[k].begin,
                             L->co->susps[k].end, text);
                return;
            }
    }
    if (probe_range(L->co, i, &b, &e))
        edit_replace(&L->u->edits, b, e, text);
}

unsigned lower_temp(struct lower *L, CXType t, int is_int) {
    struct coro *co = L->co;
    struct temp *tp = VEC_PUSH(co->temps, co->ntemps, co->captemps);
    memset(tp, 0, sizeof *tp);
    tp->type = t;
    tp->is_int = is_int;
    if (!is_int) {
        /* A type declared in the body cannot be named by the frame. */
        CXCursor d = clang_getTypeDeclaration(t);
        unsigned off;
        tp->local_type =
            !clang_Cursor_isNull(d) &&
            source_offset(&L->u->src, clang_getCursorLocation(d), &off) &&
            off > co->body_begin && off < co->body_end;
    }
    *VEC_PUSH(L->live, L->nlive, L->caplive) = co->ntemps;
    return co->ntemps;
}

void lower_temp_decls(struct lower *L, unsigned first, struct buf *b) {
    for (unsigned k = first; k < L->nlive; k++) {
        unsigned n = L->live[k];
        const struct temp *t = &L->co->temps[n - 1];
        char *name = xasprintf("yc__t%u", n);
        const char *why;
        if (t->is_int)
            buf_printf(b, "int %s; ", name);
        else if (decl_format(t->type, name, DECL_STRIP_CONST | DECL_DECAY, b,
                             &why) == 0)
            buf_puts(b, "; ");
        free(name);
    }
}

int lower_suspends(struct lower *L, int i) {
    for (unsigned k = 0; k < L->co->nsusps; k++)
        if (susp_counts(&L->co->susps[k]) &&
            tree_within(L->t, L->co->susps[k].node, i))
            return 1;
    return 0;
}

/* Replaces statement i (with its ';') by text. */
static void replace_stmt(struct lower *L, int i, const char *text) {
    unsigned b, e, at;
    if (!probe_range(L->co, i, &b, &e))
        return;
    unsigned end = probe_stmt_end(L->co, i, &at);
    lower_place(L, b, end ? end : e, text);
}

/* Statement i's text with its ';'. */
static char *render_stmt(struct lower *L, int i) {
    unsigned b, e, at;
    if (!probe_range(L->co, i, &b, &e))
        return xstrdup(";");
    unsigned end = probe_stmt_end(L->co, i, &at);
    return lower_render(L, b, end ? end : e);
}

/* ------------------------------------------------------------------ */
/* Statements                                                          */
/* ------------------------------------------------------------------ */

/* A statement whose clause node `clause` suspends: its hoisted statements
   go before it, in a block with its temporaries. */
static void lower_clause_stmt(struct lower *L, int s, int clause, int discard) {
    unsigned mark = L->nlive;
    struct buf h = {0}, out = {0};
    int whole = lower_expr(L, clause, discard, &h);
    buf_puts(&out, "{ ");
    lower_temp_decls(L, mark, &out);
    buf_printf(&out, "%s%s", L->br, buf_str(&h));
    if (!(whole && clause == s)) {
        char *rest = render_stmt(L, s);
        buf_printf(&out, "%s ", rest);
        free(rest);
    }
    buf_putc(&out, '}');
    replace_stmt(L, s, buf_str(&out));
    L->nlive = mark;
    buf_free(&h);
    buf_free(&out);
}

static void lower_while(struct lower *L, int s) {
    const struct tree *t = L->t;
    int cond = t->n[s].first, body = t->n[s].last;
    lower_stmt(L, body);
    if (!lower_suspends(L, cond))
        return;
    unsigned mark = L->nlive;
    struct buf h = {0}, out = {0};
    lower_expr(L, cond, 0, &h);
    char *c = lower_render_node(L, cond), *b = render_stmt(L, body);
    buf_puts(&out, "while (1) { ");
    lower_temp_decls(L, mark, &out);
    buf_printf(&out, "%s%sif (!(%s)) break; %s }", L->br, buf_str(&h), c, b);
    replace_stmt(L, s, buf_str(&out));
    L->nlive = mark;
    free(c);
    free(b);
    buf_free(&h);
    buf_free(&out);
}

/* The body of a loop whose continuation (a do-while condition, a for
   increment) suspends, wrapped so that `continue` and `break` keep their
   meaning without being rewritten: the inner loop runs the body once;
   leaving it by `continue` or the end sets the counter, by `break` not. */
static char *once(struct lower *L, unsigned counter, int body) {
    char *b = render_stmt(L, body);
    char *r = xasprintf("for (yc__t%u = 0; yc__t%u < 1; yc__t%u++) %s "
                        "if (!yc__t%u) break; ",
                        counter, counter, counter, b, counter);
    free(b);
    return r;
}

static void lower_do(struct lower *L, int s) {
    const struct tree *t = L->t;
    int body = t->n[s].first, cond = t->n[s].last;
    if (!lower_suspends(L, cond)) {
        lower_stmt(L, body);
        return;
    }
    unsigned mark = L->nlive;
    CXType none;
    memset(&none, 0, sizeof none);
    unsigned counter = lower_temp(L, none, 1);
    lower_stmt(L, body);
    struct buf h = {0}, out = {0};
    lower_expr(L, cond, 0, &h);
    char *c = lower_render_node(L, cond), *b = once(L, counter, body);
    buf_puts(&out, "{ ");
    lower_temp_decls(L, mark, &out);
    buf_printf(&out, "%sfor (;;) { %s%s%sif (!(%s)) break; } }", L->br, b,
               L->br, buf_str(&h), c);
    replace_stmt(L, s, buf_str(&out));
    L->nlive = mark;
    free(c);
    free(b);
    buf_free(&h);
    buf_free(&out);
}

static void lower_for(struct lower *L, int s) {
    struct for_parts fp;
    if (!probe_for(L->co, s, &fp)) {
        lower_stmt(L, L->t->n[s].last);
        return;
    }
    int init_s = fp.init >= 0 && (lower_suspends(L, fp.init) ||
                                  /* pinned locals become statements */
                                  (L->t->n[fp.init].kind == CXCursor_DeclStmt &&
                                   lower_decl_pinned(L, fp.init)));
    int cond_s = fp.cond >= 0 && lower_suspends(L, fp.cond);
    int inc_s = fp.inc >= 0 && lower_suspends(L, fp.inc);
    if (!init_s && !cond_s && !inc_s) {
        lower_stmt(L, fp.body);
        return;
    }
    unsigned mark = L->nlive;
    CXType none;
    memset(&none, 0, sizeof none);
    unsigned counter = inc_s ? lower_temp(L, none, 1) : 0;
    lower_stmt(L, fp.body);
    struct buf hi = {0}, hc = {0}, hn = {0}, out = {0};
    char *init = NULL;
    int init_decl = fp.init >= 0 && L->t->n[fp.init].kind == CXCursor_DeclStmt;
    if (init_decl) {
        lower_stmt(L, fp.init);
        init = lower_render_node(L, fp.init); /* with its ';' */
    } else if (fp.init >= 0) {
        lower_expr(L, fp.init, 1, &hi);
        char *e = lower_render_node(L, fp.init);
        init = xasprintf("%s;", e);
        free(e);
    }
    if (cond_s)
        lower_expr(L, fp.cond, 0, &hc);
    if (inc_s)
        lower_expr(L, fp.inc, 1, &hn);
    char *cond = fp.cond >= 0 ? lower_render_node(L, fp.cond) : xstrdup("");
    char *inc = fp.inc >= 0 ? lower_render_node(L, fp.inc) : xstrdup("");
    char *body = inc_s ? once(L, counter, fp.body) : render_stmt(L, fp.body);
    buf_puts(&out, "{ ");
    lower_temp_decls(L, mark, &out);
    buf_puts(&out, L->br);
    if (init_s)
        buf_printf(&out, "%s%s%s", buf_str(&hi), init, L->br);
    buf_printf(&out, "for (%s %s; %s) { ", !init_s && init ? init : ";",
               cond_s ? "" : cond, inc_s ? "" : inc);
    if (cond_s)
        buf_printf(&out, "%s%sif (!(%s)) break; %s", L->br, buf_str(&hc), cond,
                   L->br);
    buf_printf(&out, "%s ", body);
    if (inc_s)
        buf_printf(&out, "%s%s%s; ", L->br, buf_str(&hn), inc);
    buf_puts(&out, "} }");
    replace_stmt(L, s, buf_str(&out));
    L->nlive = mark;
    free(init);
    free(cond);
    free(inc);
    free(body);
    buf_free(&hi);
    buf_free(&hc);
    buf_free(&hn);
    buf_free(&out);
}

void lower_stmt(struct lower *L, int s) {
    const struct tree *t = L->t;
    const struct node *n = &t->n[s];
    switch (n->kind) {
    case CXCursor_CompoundStmt:
        for (int c = n->first; c >= 0; c = t->n[c].next)
            lower_stmt(L, c);
        break;
    case CXCursor_DeclStmt:
        lower_decl(L, s);
        break;
    case CXCursor_LabelStmt:
    case CXCursor_CaseStmt:
    case CXCursor_DefaultStmt:
        if (n->last >= 0)
            lower_stmt(L, n->last);
        break;
    case CXCursor_IfStmt:
    case CXCursor_SwitchStmt:
        for (int c = t->n[n->first].next; c >= 0; c = t->n[c].next)
            lower_stmt(L, c);
        if (lower_suspends(L, n->first))
            lower_clause_stmt(L, s, n->first, 0);
        break;
    case CXCursor_ReturnStmt:
        if (n->first >= 0 && lower_suspends(L, n->first))
            lower_clause_stmt(L, s, n->first, L->co->is_void);
        break;
    case CXCursor_WhileStmt:
        lower_while(L, s);
        break;
    case CXCursor_DoStmt:
        lower_do(L, s);
        break;
    case CXCursor_ForStmt:
        lower_for(L, s);
        break;
    default:
        if (clang_isExpression(n->kind) && lower_suspends(L, s))
            lower_clause_stmt(L, s, s, 1);
        break;
    }
}

/* ------------------------------------------------------------------ */
/* One coroutine                                                       */
/* ------------------------------------------------------------------ */

/* A compound literal in the frame: built as written and copied into its
   field, which the expression then names (an lvalue, like the literal). */
void lower_literal(struct lower *L, const struct complit *cl) {
    char *text = lower_render_node(L, cl->node);
    char *r = xasprintf("(*(YC__MEMCPY(&yc__f->%s, &%s, sizeof yc__f->%s), "
                        "&yc__f->%s))",
                        cl->field, text, cl->field, cl->field);
    lower_replace(L, cl->node, r);
    free(r);
    free(text);
}

/* Whether the code from p on names temporary yc__tN, outside comments and
   literals (the user's text is copied with them). */
static int names_temp(const char *p, unsigned n) {
    char name[32];
    size_t k = (size_t)snprintf(name, sizeof name, "yc__t%u", n);
    while (*p) {
        if (p[0] == '/' && p[1] == '*') {
            const char *e = strstr(p + 2, "*/");
            p = e ? e + 2 : p + strlen(p);
        } else if (p[0] == '/' && p[1] == '/') {
            p += strcspn(p, "\n");
        } else if (*p == '"' || *p == '\'') {
            char q = *p++;
            while (*p && *p != q && *p != '\n')
                p += p[0] == '\\' && p[1] ? 2 : 1;
            if (*p)
                p++;
        } else if (!strncmp(p, name, k) &&
                   !(p[k] == '_' || (p[k] >= '0' && p[k] <= '9') ||
                     (p[k] >= 'a' && p[k] <= 'z') ||
                     (p[k] >= 'A' && p[k] <= 'Z'))) {
            return 1;
        } else {
            p++;
        }
    }
    return 0;
}

/* A resume point saves the temporaries that were alive when it was made;
   those the code after its label never names again (an await's argument,
   a callee pointer, already used) are dropped. Temporary names are unique
   in the coroutine, so a name after the label is a use of that one. */
static void trim_saved_temps(struct unit *u, struct coro *co) {
    char *body = edit_text(&u->edits, &u->src, co->body_begin, co->body_end);
    for (unsigned i = 0; i < co->ntemps; i++)
        co->temps[i].spilled = 0;
    for (unsigned n = 1; n <= co->nlabels; n++) {
        struct label *lb = &co->labels[n - 1];
        char label[32];
        snprintf(label, sizeof label, "yc__resume_%u:", n);
        const char *at = strstr(body, label);
        unsigned kept = 0;
        for (unsigned k = 0; k < lb->ntemps; k++)
            if (at && names_temp(at + strlen(label), lb->temps[k])) {
                lb->temps[kept++] = lb->temps[k];
                co->temps[lb->temps[k] - 1].spilled = 1;
            }
        lb->ntemps = kept;
    }
    free(body);
}

/* Rewrites the leaves first - each outer rewrite renders its parts with the
   inner ones applied and then supersedes them. */
void lower_sm(struct unit *u, struct coro *co) {
    struct lower L = {u, co, &co->tree, NULL, 0, 0, NULL};
    lower_lines_init(&L);
    /* A suspension point that is never evaluated (sizeof) is its
       expression; an await of a coroutine that never suspends is a plain
       call of its step function, with no frame: YC_AWAIT(g(a)) becomes
       (yc__g_step((struct yc__frame *)0, yc__s, a)). */
    for (unsigned i = 0; i < co->nsusps; i++) {
        const struct susp *s = &co->susps[i];
        if (s->direct) {
            const struct tree *t = &co->tree;
            unsigned cb, ce, ab[128], ae[128];
            tree_range(&co->tree, t->n[s->call].first, &cb, &ce);
            int nargs = probe_args(co, s->call, ab, ae, 128);
            unsigned open = ce;
            while (u->src.data[open] != '(')
                open++;
            char *head = xasprintf("(yc__%s_step", s->callee->name);
            edit_replace(&u->edits, s->begin, ce, head);
            edit_replace(&u->edits, open, open + 1,
                         nargs > 0 ? "((struct yc__frame *)0, yc__s, "
                                   : "((struct yc__frame *)0, yc__s");
            free(head);
            continue;
        }
        if (!s->unevaluated)
            continue;
        if (s->kind == MARK_YIELD) {
            edit_replace(&u->edits, s->begin, s->end, "((void)0)");
            continue;
        }
        unsigned open = s->begin;
        while (open < s->end && u->src.data[open] != '(')
            open++;
        edit_replace(&u->edits, s->begin, open + 1, "(");
    }
    for (unsigned r = 0; r < co->nrefs; r++) {
        const struct local *l = &co->locals[co->refs[r].local];
        unsigned b, e;
        if (!l->pinned || !tree_range(&co->tree, co->refs[r].node, &b, &e))
            continue;
        struct buf name = {0};
        frame_name(l, &name);
        edit_replace(&u->edits, b, e, buf_str(&name));
        buf_free(&name);
    }
    for (unsigned i = 0; i < co->nlits; i++)
        if (!lower_suspends(&L, co->lits[i].node))
            lower_literal(&L, &co->lits[i]);
    for (unsigned i = 0; i < u->nspawns; i++)
        if (u->spawns[i].in == co && !lower_suspends(&L, u->spawns[i].node))
            spawn_lower_node(&L, u->spawns[i].node);
    cleanup_lower(&L);
    if (co->tree.len)
        lower_stmt(&L, 0);
    free(L.live);
    trim_saved_temps(u, co);
}
