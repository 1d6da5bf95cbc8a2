/* cleanup.c - cleanup locals of state machines (see cleanup.h). */
#include "cleanup.h"
#include "cursor.h"
#include "decl.h"
#include "frame.h"
#include "lowerable.h"
#include "probe.h"

#include <stdlib.h>
#include <string.h>

/* Whether offset p lies in local l's scope, after its declaration. */
static int in_scope(const struct local *l, unsigned p) {
    return p >= l->end && p >= l->scope_begin && p < l->scope_end;
}

static int is_jump(enum CXCursorKind k) {
    return k == CXCursor_ReturnStmt || k == CXCursor_BreakStmt ||
           k == CXCursor_ContinueStmt || k == CXCursor_GotoStmt;
}

static const char *keyword(enum CXCursorKind k) {
    switch (k) {
    case CXCursor_ReturnStmt:
        return "return";
    case CXCursor_BreakStmt:
        return "break";
    case CXCursor_ContinueStmt:
        return "continue";
    default:
        return "goto";
    }
}

/* Where jump node i goes, as what it leaves: for a break or continue, the
   loop or switch it ends (-1 for a return or goto); *label: a goto's
   label's offset. Returns 0 if the jump is not the coroutine's (a block
   literal's) or its label is not found. */
static int jump_target(struct unit *u, const struct tree *t, int i, int *target,
                       unsigned *label) {
    enum CXCursorKind k = t->n[i].kind;
    *target = -1;
    for (int p = t->n[i].parent; p >= 0; p = t->n[p].parent) {
        enum CXCursorKind pk = t->n[p].kind;
        if (pk == CXCursor_BlockExpr)
            return 0;
        if (*target < 0 &&
            ((k == CXCursor_BreakStmt && pk == CXCursor_SwitchStmt) ||
             ((k == CXCursor_BreakStmt || k == CXCursor_ContinueStmt) &&
              (pk == CXCursor_WhileStmt || pk == CXCursor_DoStmt ||
               pk == CXCursor_ForStmt))))
            *target = p;
    }
    if (k != CXCursor_GotoStmt)
        return 1;
    int ref = t->n[i].first;
    if (ref < 0)
        return 0;
    CXCursor lab = clang_getCursorReferenced(t->n[ref].c);
    return !clang_Cursor_isNull(lab) &&
           source_offset(&u->src, clang_getCursorLocation(lab), label);
}

/* The cleanup locals that jump node i leaves, latest first, into out
   (room for co->nlocals). Returns their number, or -1 if the jump cannot
   be followed. */
static int exits(struct unit *u, struct coro *co, int i, unsigned *out) {
    const struct tree *t = &co->tree;
    int target;
    unsigned label = 0, b, e;
    if (!tree_range(&co->tree, i, &b, &e))
        return -1;
    if (!jump_target(u, t, i, &target, &label))
        return t->n[i].kind == CXCursor_GotoStmt ? -1 : 0;
    int n = 0;
    for (unsigned li = co->nlocals; li-- > co->nparams;) {
        const struct local *l = &co->locals[li];
        if (!l->cleanup || !in_scope(l, b))
            continue;
        int leaves;
        switch (t->n[i].kind) {
        case CXCursor_ReturnStmt:
            leaves = 1;
            break;
        case CXCursor_GotoStmt:
            leaves = !in_scope(l, label);
            break;
        default: /* the loop or switch around the scope ends */
            leaves = target >= 0 && tree_within(t, l->scope, target);
            break;
        }
        if (leaves)
            out[n++] = li;
    }
    return n;
}

void cleanup_decide(struct unit *u, struct coro *co) {
    struct tree *t = &co->tree;
    int any = 0;
    for (unsigned i = co->nparams; i < co->nlocals && !any; i++)
        any = co->locals[i].cleanup &&
              frame_suspends_in(co, co->locals[i].scope_begin,
                                co->locals[i].scope_end);
    if (!any)
        return;
    for (unsigned i = co->nparams; i < co->nlocals; i++) {
        struct local *l = &co->locals[i];
        if (!l->cleanup)
            continue;
        int sc = l->scope, up = t->n[sc].parent;
        if (t->n[sc].kind != CXCursor_CompoundStmt) {
            coro_fallback(co, l->name_off,
                          "a cleanup local of a for statement's init clause "
                          "(with cleanups whose scopes suspend)");
            continue;
        }
        if (cursor_variably_modified(l->type)) {
            coro_fallback(co, l->name_off,
                          "a cleanup local of variably modified type (with "
                          "cleanups whose scopes suspend)");
            continue;
        }
        if (up >= 0 && t->n[up].kind == CXCursor_StmtExpr) {
            coro_fallback(co, l->name_off,
                          "a cleanup local of a statement expression (with "
                          "cleanups whose scopes suspend)");
            continue;
        }
        free(l->cleanup_fn);
        l->cleanup_fn = cursor_cleanup_fn(l->cursor);
        if (!l->cleanup_fn) {
            coro_fallback(co, l->name_off,
                          "a cleanup attribute it cannot read");
            continue;
        }
        /* The call goes before the scope's closing brace. */
        unsigned end = l->scope_end;
        if (!end || !source_is(&u->src, end - 1, end, "}"))
            lowerable_need(u, co, end ? end - 1 : l->name_off,
                           "a block that a macro closes");
        else
            lowerable_text(u, end - 1, end, 0);
    }
    if (co->stackful)
        return;
    unsigned *out = xmalloc((co->nlocals + 1) * sizeof *out);
    for (unsigned i = 0; i < t->len; i++) {
        if (!is_jump(t->n[i].kind))
            continue;
        int n = exits(u, co, (int)i, out);
        unsigned b, e, at;
        if (n == 0)
            continue;
        if (n < 0 || !tree_range(t, (int)i, &b, &e)) {
            coro_fallback(co, co->body_begin,
                          "a jump out of a cleanup local's scope that it "
                          "cannot follow");
            break;
        }
        const char *kw = keyword(t->n[i].kind);
        if (!source_is(&u->src, b, b + (unsigned)strlen(kw), kw)) {
            lowerable_need(u, co, b,
                           "a jump from a macro that leaves a cleanup "
                           "local's scope");
            continue;
        }
        if (!probe_stmt_end(co, (int)i, &at)) {
            lowerable_need(u, co, at ? at : b,
                           "a statement whose ';' comes from a macro it "
                           "cannot expand");
            continue;
        }
        lowerable_node(u, co, (int)i, 0);
    }
    free(out);
    co->cleanups = !co->stackful;
}

/* Appends the calls that clean up locals out[0 .. n-1]. */
static void calls(const struct coro *co, const unsigned *out, int n,
                  struct buf *b) {
    for (int k = 0; k < n; k++) {
        const struct local *l = &co->locals[out[k]];
        buf_printf(b, "%s(&", l->cleanup_fn);
        frame_name(l, b);
        buf_puts(b, "); ");
    }
}

/* Wraps jump node i, which leaves locals out[0 .. n-1]: the calls come
   right before the jump, after a return's value is computed. */
static void wrap_jump(struct lower *L, int i, const unsigned *out, int n) {
    struct coro *co = L->co;
    const struct node *nd = &L->t->n[i];
    unsigned b, e, at;
    if (!tree_range(L->t, i, &b, &e))
        return;
    unsigned end = probe_stmt_end(co, i, &at);
    const char *kw = keyword(nd->kind);
    unsigned kwlen = (unsigned)strlen(kw);
    struct buf head = {0}, tail = {0};
    const char *why;
    if (nd->kind == CXCursor_ReturnStmt && nd->first >= 0 && !co->is_void) {
        buf_puts(&head, "{ ");
        decl_format(co->ret, "yc__rv", DECL_STRIP_CONST, &head, &why);
        buf_puts(&head, " = (");
        buf_puts(&tail, "); ");
        calls(co, out, n, &tail);
        buf_puts(&tail, "return yc__rv; }");
    } else if (nd->kind == CXCursor_ReturnStmt && nd->first >= 0) {
        buf_puts(&head, "{ (void)(");
        buf_puts(&tail, "); ");
        calls(co, out, n, &tail);
        buf_puts(&tail, "return; }");
    } else {
        buf_puts(&head, "{ ");
        calls(co, out, n, &head);
        buf_puts(&head, kw);
        buf_puts(&tail, "; }");
    }
    edit_replace(&L->u->edits, b, b + kwlen, buf_str(&head));
    edit_replace(&L->u->edits, end - 1, end, buf_str(&tail));
    buf_free(&head);
    buf_free(&tail);
}

void cleanup_lower(struct lower *L) {
    struct coro *co = L->co;
    const struct tree *t = L->t;
    if (!co->cleanups)
        return;
    unsigned *out = xmalloc((co->nlocals + 1) * sizeof *out);
    for (unsigned i = 0; i < t->len; i++) {
        if (!is_jump(t->n[i].kind))
            continue;
        int n = exits(L->u, co, (int)i, out);
        if (n > 0)
            wrap_jump(L, (int)i, out, n);
    }
    /* The end of each scope: its locals, latest first. */
    for (unsigned i = 0; i < t->len; i++) {
        if (t->n[i].kind != CXCursor_CompoundStmt)
            continue;
        int n = 0;
        for (unsigned li = co->nlocals; li-- > co->nparams;)
            if (co->locals[li].cleanup && co->locals[li].scope == (int)i)
                out[n++] = li;
        if (!n)
            continue;
        struct buf b = {0};
        calls(co, out, n, &b);
        buf_putc(&b, '}');
        unsigned end = co->locals[out[0]].scope_end;
        edit_replace(&L->u->edits, end - 1, end, buf_str(&b));
        buf_free(&b);
    }
    free(out);
}
