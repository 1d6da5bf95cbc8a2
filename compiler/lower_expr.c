/* lower_expr.c - hoisting suspension points out of expressions (see
   lower_state.h). */
#include "cursor.h"
#include "decl.h"
#include "lower_state.h"
#include "probe.h"
#include "vcall.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Suspension points                                                   */
/* ------------------------------------------------------------------ */

/* A new resume point for suspension point s: what it saves is the locals
   analysis found live after s and the temporaries alive now, except the
   one that receives s's result (written after the resume). Appends the
   code that saves them and returns, the label, and the code that reloads
   them. */
static void suspend_text(struct lower *L, const struct susp *s, unsigned result,
                         struct buf *h) {
    struct coro *co = L->co;
    struct label *lb = VEC_PUSH(co->labels, co->nlabels, co->caplabels);
    memset(lb, 0, sizeof *lb);
    unsigned col;
    source_linecol(&L->u->src, s->begin, &lb->line, &col);
    lb->susp = (unsigned)(s - co->susps);
    for (unsigned i = 0; i < L->nlive; i++)
        if (L->live[i] != result) {
            *VEC_PUSH(lb->temps, lb->ntemps, lb->captemps) = L->live[i];
            co->temps[L->live[i] - 1].spilled = 1;
        }
    unsigned n = co->nlabels;
    int saves = lb->has_macros = s->nspills || lb->ntemps;
    if (saves)
        buf_printf(h, "yc__save_%u ", n);
    buf_puts(h, co->is_void ? "return; " : "return ");
    if (!co->is_void)
        buf_printf(h, "yc__%s_z; ", co->name);
    /* A label needs a statement after it (a yield with nothing to reload
       ends the block there). */
    if (saves)
        buf_printf(h, "yc__resume_%u: yc__load_%u ", n, n);
    else
        buf_printf(h, "yc__resume_%u:; ", n);
}

/* The rendered arguments of awaited call node `call`, each after ", ". */
static char *call_args(struct lower *L, int call) {
    struct buf b = {0};
    unsigned begins[128], ends[128];
    int n = probe_args(L->co, call, begins, ends, 128);
    for (int i = 0; i < n; i++) {
        char *t = lower_render(L, begins[i], ends[i]);
        buf_printf(&b, ", %s", t);
        free(t);
    }
    return buf_take(&b);
}

/* Appends "dst = value;" for a value of type t, through a copy when t is a
   struct with const members (it cannot be assigned). */
static void assign(struct buf *h, const char *dst, const char *value,
                   CXType t) {
    if (!decl_has_const_member(t)) {
        buf_printf(h, "%s = %s; ", dst, value);
        return;
    }
    const char *why;
    buf_puts(h, "{ ");
    decl_format(t, "yc__v", DECL_STRIP_CONST, h, &why);
    buf_printf(h, " = %s; YC__MEMCPY(&%s, &yc__v, sizeof yc__v); } ", value,
               dst);
}

/* `t = call;` (or `call;` when t is NULL), then the suspension's test,
   its save and return, and its label: what follows reloads. */
static void call_then_suspend(struct lower *L, const struct susp *s,
                              unsigned result, const char *t, const char *call,
                              CXType rt, struct buf *h) {
    if (t)
        assign(h, t, call, rt);
    else
        buf_printf(h, "%s; ", call);
    buf_printf(h, "%sif (YC__SUSPENDED()) { ", L->br);
    suspend_text(L, s, result, h);
}

/* t = yc__g_in(yc__s, yc__fp, n, args); if (YC__SUSPENDED()) { <save,
   return, label n, reload> t = yc__wait_done(yc__s, yc__fp); } */
static void await_in_caller_text(struct lower *L, const struct susp *s,
                                 unsigned result, const char *t,
                                 const char *args, struct buf *h) {
    unsigned n = L->co->nlabels + 1;
    CXType rt = clang_getResultType(s->callee->type);
    char *call =
        xasprintf("yc__%s_in(yc__s, yc__fp, %u%s)", s->callee->name, n, args);
    call_then_suspend(L, s, result, t, call, rt, h);
    if (t)
        assign(h, t, "yc__wait_done(yc__s, yc__fp)", rt);
    else
        buf_puts(h, "(void)yc__wait_done(yc__s, yc__fp); ");
    buf_printf(h, "} %s", L->br);
    free(call);
}

/* An await of a coroutine named in the call: its step function runs at
   once, and a suspension inside it comes back here. */
static void await_text(struct lower *L, const struct susp *s, unsigned result,
                       struct buf *h) {
    char *args = call_args(L, s->call);
    const char *g = s->callee->name;
    unsigned n = L->co->nlabels + 1;
    CXType rt = clang_getResultType(s->callee->type);
    char *t = result ? xasprintf("yc__t%u", result) : NULL;
    if (corodecl_waits_in_caller(s->callee)) {
        await_in_caller_text(L, s, result, t, args, h);
        free(t);
        free(args);
        return;
    }
    buf_printf(h, "yc__cf = YC__NEW(%s, %u); ", g, n);
    char *call = xasprintf("yc__%s_step(yc__cf, yc__s%s)", g, args);
    call_then_suspend(L, s, result, t, call, rt, h);
    buf_puts(h, "YC__RESUMED(); ");
    if (t) {
        char *r = xasprintf("YC__RESULT(%s)", g);
        assign(h, t, r, rt);
        free(r);
    }
    buf_printf(h, "} YC__FREE(); %s", L->br);
    free(call);
    free(t);
    free(args);
}

/* An await of a coroutine that keeps its own C frame: its call runs on a
   stack of its own, from a frame made for the call site (vcall.c). */
static void await_vcall_text(struct lower *L, const struct susp *s,
                             unsigned result, struct buf *h) {
    unsigned n = L->co->nlabels + 1;
    CXType rt = clang_getResultType(s->callee->type);
    char *v = xasprintf("yc__%s_vc%u", L->co->name, n);
    vcall_site(s->callee, L->t->n[s->call].c, v, &L->co->calls);
    char *args = call_args(L, s->call);
    buf_printf(h,
               "yc__set_state(yc__fp, %u); yc__cf = %s_new(yc__s, yc__fp%s); "
               "%sif (yc__resume(yc__cf, yc__s)) { ",
               n, v, args, L->br);
    suspend_text(L, s, result, h);
    buf_puts(h, "YC__RESUMED(); } ");
    if (result) {
        char *t = xasprintf("yc__t%u", result);
        char *r = xasprintf("YC__VCALL_RESULT(%s)", v);
        assign(h, t, r, rt);
        free(r);
        free(t);
    }
    buf_printf(h, "YC__FREE(); %s", L->br);
    free(args);
    free(v);
}

/* An await of a call through a function pointer: the pointer is evaluated
   once into a temporary and called with an await request, so that a
   coroutine's wrapper only creates its frame, which then runs like any
   callee; a plain function behind the pointer runs in the call and its
   value is the result. */
static void await_ptr_text(struct lower *L, const struct susp *s,
                           unsigned result, struct buf *h) {
    const struct tree *t = L->t;
    int callee = t->n[s->call].first;
    char *fn = lower_render_node(L, callee);
    char *args = call_args(L, s->call);
    unsigned p = lower_temp(L, clang_getCursorType(t->n[callee].c), 0);
    CXType rt = clang_getCursorType(t->n[s->call].c);
    unsigned n = L->co->nlabels + 1;
    char *r = result ? xasprintf("yc__t%u", result) : NULL;
    buf_printf(h, "yc__t%u = (%s); ", p, fn);
    buf_printf(h, "yc__await_request(yc__s, (yc__fn)yc__t%u, yc__fp); %s", p,
               L->br);
    char *call = xasprintf("yc__t%u(%s)", p, *args ? args + 2 : "");
    if (r)
        assign(h, r, call, rt);
    else
        buf_printf(h, "%s; ", call);
    buf_printf(h,
               "%syc__cf = yc__await_answer(yc__s); if (yc__cf) { "
               "yc__set_state(yc__fp, %u); if (yc__resume(yc__cf, yc__s)) { ",
               L->br, n);
    suspend_text(L, s, result, h);
    buf_puts(h, "YC__RESUMED(); } ");
    if (r) {
        struct buf res = {0};
        const char *why;
        buf_puts(&res, "((struct { struct yc__frame yc__h; ");
        decl_format(rt, "yc__r", DECL_STRIP_CONST, &res, &why);
        buf_puts(&res, "; } *)(void *)yc__cf)->yc__r");
        assign(h, r, buf_str(&res), rt);
        buf_free(&res);
    }
    buf_printf(h, "YC__FREE(); } %s", L->br);
    free(call);
    free(r);
    free(fn);
    free(args);
}

static void yield_text(struct lower *L, const struct susp *s, struct buf *h) {
    buf_printf(h, "if (YC__YIELD(%u)) { ", L->co->nlabels + 1);
    suspend_text(L, s, 0, h);
    buf_printf(h, "} %s", L->br);
}

static const struct susp *susp_at(const struct coro *co, int node) {
    for (unsigned i = 0; i < co->nsusps; i++)
        if (co->susps[i].node == node)
            return &co->susps[i];
    return NULL;
}

static void lower_operands(struct lower *L, int first, int skip, struct buf *h);

/* A suspension point as an expression: hoisted into h, replaced by its
   temporary. */
static void lower_susp(struct lower *L, int i, const struct susp *s,
                       int discard, struct buf *h) {
    if (s->kind == MARK_YIELD) {
        yield_text(L, s, h);
        lower_replace(L, i, "((void)0)");
        return;
    }
    const struct tree *t = L->t;
    /* The callee (through a pointer) and the arguments come first, left to
       right. */
    int direct = s->callee != NULL;
    lower_operands(L, t->n[s->call].first, direct, h);
    CXType type = clang_getCursorType(t->n[i].c);
    unsigned tmp = 0;
    if (!discard && !cursor_type_is_void(type))
        tmp = lower_temp(L, type, 0);
    if (direct && s->callee->as_written)
        await_vcall_text(L, s, tmp, h);
    else if (direct)
        await_text(L, s, tmp, h);
    else
        await_ptr_text(L, s, tmp, h);
    char *name = tmp ? xasprintf("yc__t%u", tmp) : xstrdup("((void)0)");
    lower_replace(L, i, name);
    free(name);
}

/* ------------------------------------------------------------------ */
/* Operators                                                           */
/* ------------------------------------------------------------------ */

/* Lowers the siblings from `first` on (all but the first `skip`), left to
   right: operands that C leaves unsequenced. */
static void lower_operands(struct lower *L, int first, int skip,
                           struct buf *h) {
    int k = 0;
    for (int c = first; c >= 0; c = L->t->n[c].next, k++)
        if (k >= skip)
            lower_expr(L, c, 0, h);
}

/* && and || with a suspension in the right operand become an if statement
   that evaluates it only when C would. */
static void lower_logical(struct lower *L, int i, int is_and, struct buf *h) {
    const struct tree *t = L->t;
    int lhs = t->n[i].first, rhs = t->n[i].last;
    lower_expr(L, lhs, 0, h);
    struct buf r = {0};
    lower_expr(L, rhs, 0, &r);
    char *lt = lower_render_node(L, lhs), *rt = lower_render_node(L, rhs);
    unsigned v = lower_temp(L, clang_getCursorType(t->n[i].c), 1);
    const char *br = L->br;
    if (is_and)
        buf_printf(h,
                   "if (%s) { %s%syc__t%u = (%s) != 0; } else yc__t%u = 0; %s",
                   lt, br, buf_str(&r), v, rt, v, br);
    else
        buf_printf(h,
                   "if (%s) yc__t%u = 1; else { %s%syc__t%u = (%s) != 0; } %s",
                   lt, v, br, buf_str(&r), v, rt, br);
    char *name = xasprintf("yc__t%u", v);
    lower_replace(L, i, name);
    free(name);
    free(lt);
    free(rt);
    buf_free(&r);
}

/* A comma whose right operand suspends: the left operand runs first. */
static void lower_comma(struct lower *L, int i, int discard, struct buf *h) {
    const struct tree *t = L->t;
    int lhs = t->n[i].first, rhs = t->n[i].last;
    lower_expr(L, lhs, 1, h);
    char *lt = lower_render_node(L, lhs);
    buf_printf(h, "(void)(%s); %s", lt, L->br);
    free(lt);
    lower_expr(L, rhs, discard, h);
    char *rt = lower_render_node(L, rhs);
    char *paren = xasprintf("(%s)", rt);
    lower_replace(L, i, paren);
    free(rt);
    free(paren);
}

/* ?: with a suspension in an arm becomes an if statement. */
static void lower_conditional(struct lower *L, int i, struct buf *h) {
    const struct tree *t = L->t;
    int c = t->n[i].first, a = t->n[c].next, b = t->n[a].next;
    lower_expr(L, c, 0, h);
    struct buf th = {0}, eh = {0};
    CXType type = clang_getCursorType(t->n[i].c);
    int is_void = cursor_type_is_void(type);
    lower_expr(L, a, is_void, &th);
    lower_expr(L, b, is_void, &eh);
    char *ct = lower_render_node(L, c), *at = lower_render_node(L, a),
         *bt = lower_render_node(L, b);
    const char *br = L->br;
    if (is_void) {
        buf_printf(h, "if (%s) { %s%s(void)(%s); } else { %s%s(void)(%s); } %s",
                   ct, br, buf_str(&th), at, br, buf_str(&eh), bt, br);
        lower_replace(L, i, "((void)0)");
    } else {
        unsigned v = lower_temp(L, type, 0);
        char *name = xasprintf("yc__t%u", v);
        buf_printf(h, "if (%s) { %s%s", ct, br, buf_str(&th));
        assign(h, name, at, type);
        buf_printf(h, "} else { %s%s", br, buf_str(&eh));
        assign(h, name, bt, type);
        buf_printf(h, "} %s", br);
        lower_replace(L, i, name);
        free(name);
    }
    free(ct);
    free(at);
    free(bt);
    buf_free(&th);
    buf_free(&eh);
}

/* A statement expression ({ s1; ...; e; }) that suspends: its statements
   are lowered in place and the whole block is hoisted, its value going to
   a temporary. */
static void lower_stmt_expr(struct lower *L, int i, int discard,
                            struct buf *h) {
    const struct tree *t = L->t;
    int body = t->n[i].first;
    CXType type = clang_getCursorType(t->n[i].c);
    int last = t->n[body].last;
    int value = !discard && !cursor_type_is_void(type) && last >= 0 &&
                clang_isExpression(t->n[last].kind);
    for (int c = t->n[body].first; c >= 0; c = t->n[c].next)
        if (c != last || !value)
            lower_stmt(L, c);
    if (value) {
        unsigned v = lower_temp(L, type, 0);
        struct buf lh = {0};
        lower_expr(L, last, 0, &lh);
        char *e = lower_render_node(L, last);
        char *name = xasprintf("yc__t%u", v);
        struct buf s = {0};
        buf_puts(&s, buf_str(&lh));
        assign(&s, name, e, type);
        unsigned b, en, at;
        if (probe_range(L->co, last, &b, &en)) {
            unsigned end = probe_stmt_end(L->co, last, &at);
            edit_replace(&L->u->edits, b, end ? end : en, buf_str(&s));
        }
        buf_free(&s);
        buf_free(&lh);
        free(e);
        char *text = lower_render_node(L, body);
        buf_printf(h, "%s %s", text, L->br);
        free(text);
        lower_replace(L, i, name);
        free(name);
    } else {
        char *text = lower_render_node(L, body);
        buf_printf(h, "%s %s", text, L->br);
        free(text);
        lower_replace(L, i, "((void)0)");
    }
}

/* ------------------------------------------------------------------ */
/* Expressions                                                         */
/* ------------------------------------------------------------------ */

int lower_expr(struct lower *L, int i, int discard, struct buf *h) {
    if (!lower_suspends(L, i))
        return 0;
    const struct tree *t = L->t;
    const struct node *n = &t->n[i];
    const struct susp *s = n->mark == MARK_AWAIT || n->mark == MARK_YIELD
                               ? susp_at(L->co, i)
                               : NULL;
    if (s && susp_counts(s)) {
        lower_susp(L, i, s, discard, h);
        return 1;
    }
    if (n->mark == MARK_SPAWN || n->mark == MARK_ASYNC) {
        int call = n->operand;
        int direct = !clang_Cursor_isNull(cursor_direct_callee(t->n[call].c));
        lower_operands(L, t->n[call].first, direct, h);
        spawn_lower_node(L, i);
        return 0;
    }
    switch (n->kind) {
    case CXCursor_BinaryOperator: {
        unsigned gb, ge;
        const char *op = probe_binop(L->co, i, &gb, &ge);
        int right = lower_suspends(L, n->last);
        if (op && right && (!strcmp(op, "&&") || !strcmp(op, "||")))
            lower_logical(L, i, op[0] == '&', h);
        else if (op && right && !strcmp(op, ","))
            lower_comma(L, i, discard, h);
        else
            lower_operands(L, n->first, 0, h);
        break;
    }
    case CXCursor_ConditionalOperator:
        if (n->nkids == 3 && (lower_suspends(L, t->n[n->first].next) ||
                              lower_suspends(L, n->last)))
            lower_conditional(L, i, h);
        else
            lower_expr(L, n->first, 0, h);
        break;
    case CXCursor_StmtExpr:
        lower_stmt_expr(L, i, discard, h);
        break;
    case CXCursor_ParenExpr:
        return lower_expr(L, n->first, discard, h);
    case CXCursor_CompoundLiteralExpr:
        lower_operands(L, n->first, 0, h);
        for (unsigned k = 0; k < L->co->nlits; k++)
            if (L->co->lits[k].node == i)
                lower_literal(L, &L->co->lits[k]);
        break;
    default:
        lower_operands(L, n->first, 0, h);
        break;
    }
    return 0;
}
