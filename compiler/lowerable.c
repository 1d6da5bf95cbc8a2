/* lowerable.c - whether the state machine can express a coroutine as
   written (see lowerable.h). */
#include "lowerable.h"

#include "vcall.h"

#include "find.h"
#include "probe.h"

#include <string.h>

static void request(struct unit *u, unsigned begin) {
    unit_request_expansion(u, begin);
}

int lowerable_text(struct unit *u, unsigned b, unsigned e, int whole_ok) {
    int fine = 1;
    for (unsigned i = find_macros_from(u, b); i < u->nmacros; i++) {
        const struct invocation *m = &u->macros[i];
        if (m->begin >= e)
            break;
        if (m->end <= b || m->is_marker || m->is_builtin)
            continue;
        if (b <= m->begin && m->end <= e &&
            (whole_ok || m->begin != b || m->end != e))
            continue; /* inside the text, or the whole text */
        request(u, m->begin);
        fine = 0;
    }
    return fine;
}

void lowerable_need(struct unit *u, struct coro *co, unsigned off,
                    const char *what) {
    int inv = find_invocation(u, off, 1);
    if (inv >= 0)
        request(u, u->macros[inv].begin);
    else
        coro_fallback(co, off, what);
}

int lowerable_node(struct unit *u, struct coro *co, int i, int whole_ok) {
    unsigned b, e;
    if (!probe_range(co, i, &b, &e)) {
        unsigned off = co->body_begin;
        source_offset(&u->src, clang_getCursorLocation(co->tree.n[i].c), &off);
        coro_fallback(co, off, "code from another file in its body");
        return 0;
    }
    return lowerable_text(u, b, e, whole_ok);
}

/* The text of a statement the lowering replaces: its range, and the ';'
   that ends it. */
static void check_stmt_text(struct unit *u, struct coro *co, int s) {
    unsigned at;
    lowerable_node(u, co, s, 0);
    if (!probe_stmt_end(co, s, &at) && at)
        lowerable_need(u, co, at,
                       "a statement whose ';' comes from a macro it cannot "
                       "expand");
}

/* A do-while whose condition suspends, or a for whose increment does, runs
   its body inside a one-pass loop (lower_stmt.c) whose counter must be set
   on the way in: a jump into the body from outside - a goto to a label in
   it, a case of a switch around the loop - would skip that. */
static void check_entry(struct coro *co, int loop) {
    const struct tree *t = &co->tree;
    int body =
        t->n[loop].kind == CXCursor_DoStmt ? t->n[loop].first : t->n[loop].last;
    for (unsigned i = (unsigned)body; i < t->n[body].desc_end; i++) {
        enum CXCursorKind k = t->n[i].kind;
        int outside = k == CXCursor_LabelStmt;
        if (k == CXCursor_CaseStmt || k == CXCursor_DefaultStmt) {
            int p = t->n[i].parent;
            while (p >= 0 && t->n[p].kind != CXCursor_SwitchStmt)
                p = t->n[p].parent;
            outside = p < 0 || !tree_within(t, p, body);
        }
        if (outside) {
            unsigned b, e;
            tree_range((struct tree *)t, (int)i, &b, &e);
            coro_fallback(co, b,
                          "a label inside a loop whose condition or "
                          "increment suspends");
            return;
        }
    }
}

/* Whether a preprocessor directive starts a line in [b, e). */
static int directive_in(const struct unit *u, unsigned b, unsigned e) {
    const char *d = u->src.data;
    for (unsigned i = b; i < e; i++) {
        if (d[i] != '\n')
            continue;
        unsigned k = i + 1;
        while (k < e && (d[k] == ' ' || d[k] == '\t'))
            k++;
        if (k < e && d[k] == '#')
            return 1;
    }
    return 0;
}

/* A loop the lowering rebuilds around its body keeps the body's text, but
   not what lies between its parts: a directive there would be lost. */
static void check_loop_directives(struct unit *u, struct coro *co, int s) {
    const struct tree *t = &co->tree;
    int body = t->n[s].kind == CXCursor_DoStmt ? t->n[s].first : t->n[s].last;
    unsigned b, e, bb, be;
    if (body >= 0 && probe_range(co, s, &b, &e) &&
        probe_range(co, body, &bb, &be) &&
        (directive_in(u, b, bb) || directive_in(u, be, e)))
        coro_fallback(co, b,
                      "a preprocessor directive between the parts of a loop "
                      "that the state machine rebuilds");
}

/* The holding statement s of a suspension point, whose clause `child`
   holds it: what the lowering renders of it must be spelled. */
static void check_stmt(struct unit *u, struct coro *co, int s, int child) {
    const struct tree *t = &co->tree;
    enum CXCursorKind k = t->n[s].kind;
    check_stmt_text(u, co, s);
    if (k == CXCursor_WhileStmt || k == CXCursor_DoStmt ||
        k == CXCursor_ForStmt)
        check_loop_directives(u, co, s);
    if (k == CXCursor_WhileStmt || k == CXCursor_DoStmt) {
        /* The keyword is written anew: a macro that writes it (and maybe
           the body's brace with it) is expanded. */
        unsigned b, e;
        const char *kw = k == CXCursor_DoStmt ? "do" : "while";
        if (probe_range(co, s, &b, &e) &&
            !source_is(&u->src, b, b + (unsigned)strlen(kw), kw)) {
            lowerable_need(u, co, b, "a loop written by a macro");
            return;
        }
        /* The condition and the body are rendered apart. */
        for (int c = t->n[s].first; c >= 0; c = t->n[c].next)
            lowerable_node(u, co, c, 1);
        if (k == CXCursor_DoStmt)
            check_entry(co, s);
    } else if (k == CXCursor_ForStmt) {
        struct for_parts fp;
        if (!probe_for(co, s, &fp)) {
            unsigned b, e;
            probe_range(co, s, &b, &e);
            lowerable_need(u, co, b, "a for statement written by a macro");
            return;
        }
        if (fp.inc >= 0 && tree_within(t, child, fp.inc))
            check_entry(co, s);
        for (int c = t->n[s].first; c >= 0; c = t->n[c].next)
            lowerable_node(u, co, c, 1);
    } else if (k == CXCursor_DeclStmt) {
        for (int c = t->n[s].first; c >= 0; c = t->n[c].next)
            if (t->n[c].kind == CXCursor_VarDecl && probe_var_init(t, c) >= 0 &&
                tree_within(t, child, c))
                lowerable_node(u, co, probe_var_init(t, c), 1);
    } else if (k == CXCursor_ReturnStmt && t->n[s].first >= 0) {
        lowerable_node(u, co, t->n[s].first, 1);
    }
}

/* An operator on the way from a suspension point to its statement that
   the lowering takes apart: its operator must be spelled, and its operands
   are rendered apart. */
static void check_operator(struct unit *u, struct coro *co, int p, int child) {
    const struct tree *t = &co->tree;
    const struct node *n = &t->n[p];
    if (n->mark)
        return; /* another marker: its call is checked on its own */
    if (n->kind == CXCursor_BinaryOperator && n->nkids == 2 &&
        child == n->last) {
        unsigned gb, ge;
        const char *op = probe_binop(co, p, &gb, &ge);
        if (!op) {
            /* A macro writes the operator (or the whole node): expand it,
               whatever the operator is. */
            unsigned b, e;
            probe_range(co, p, &b, &e);
            if (ge > gb && !lowerable_text(u, gb, ge, 0))
                return;
            lowerable_need(u, co, b, "an operator written by a macro");
            return;
        }
        if (!strcmp(op, "&&") || !strcmp(op, "||") || !strcmp(op, ",")) {
            lowerable_node(u, co, n->first, 1);
            lowerable_node(u, co, n->last, 1);
        }
    } else if (n->kind == CXCursor_ConditionalOperator && child != n->first) {
        unsigned b, e;
        probe_range(co, p, &b, &e);
        if (n->nkids != 3) {
            coro_fallback(co, b,
                          "a suspension point in the right operand of GNU "
                          "'?:'");
            return;
        }
        if (!probe_conditional(co, p) && lowerable_text(u, b, e, 0))
            coro_fallback(co, b, "a '?:' written by a macro");
        for (int c = n->first; c >= 0; c = t->n[c].next)
            lowerable_node(u, co, c, 1);
    } else if (n->kind == CXCursor_GenericSelectionExpr) {
        unsigned b, e;
        probe_range(co, p, &b, &e);
        coro_fallback(co, b, "a suspension point inside _Generic");
    } else if (n->kind == CXCursor_StmtExpr) {
        lowerable_node(u, co, p, 0);
    }
}

/* The arguments of an awaited or spawned call are rendered one by one. */
static void check_call(struct unit *u, struct coro *co, int call) {
    const struct tree *t = &co->tree;
    unsigned begins[128], ends[128];
    unsigned b, e;
    if (call < 0 || !probe_range(co, call, &b, &e))
        return;
    int n = clang_Cursor_getNumArguments(t->n[call].c);
    int found = probe_args(co, call, begins, ends, 128);
    if (found != n || n > 128) {
        /* The parentheses or commas come from a macro: expand what lies
           in the call. */
        int inv = find_invocation(u, b, 1);
        if (inv >= 0) {
            lowerable_need(u, co, b, "a call written by a macro");
            return;
        }
        if (lowerable_text(u, b, e, 0))
            coro_fallback(co, b, "a call whose arguments yieldc cannot read");
        for (unsigned i = find_macros_from(u, b); i < u->nmacros; i++) {
            const struct invocation *m = &u->macros[i];
            if (m->begin >= e)
                break;
            if (m->begin >= b && !m->is_marker && !m->is_builtin)
                lowerable_need(u, co, m->begin, "a call written by a macro");
        }
        return;
    }
    for (int a = 0; a < n; a++)
        lowerable_text(u, begins[a], ends[a], 1);
    if (t->n[call].first >= 0)
        lowerable_node(u, co, t->n[call].first, 1);
}

/* Whether expression node c is a clause of statement p (a condition, a
   for clause, a returned value, an initializer), not a statement itself. */
static int is_clause(const struct tree *t, int p, int c) {
    switch (t->n[p].kind) {
    case CXCursor_IfStmt:
    case CXCursor_SwitchStmt:
    case CXCursor_WhileStmt:
    case CXCursor_CaseStmt:
        return c == t->n[p].first;
    case CXCursor_DoStmt:
        return c == t->n[p].last;
    case CXCursor_ForStmt:
        return c != t->n[p].last;
    case CXCursor_ReturnStmt:
    case CXCursor_VarDecl:
        return 1;
    default:
        return 0;
    }
}

static void check_susp(struct unit *u, struct coro *co, struct susp *s) {
    const struct tree *t = &co->tree;
    /* A marker that a user macro writes or is given. */
    if (find_invocation(u, s->begin, 1) >= 0) {
        lowerable_need(u, co, s->begin, "");
        return;
    }
    const char *name = s->kind == MARK_AWAIT ? "YC_AWAIT" : "YC_YIELD";
    if (!source_macro_call_end(&u->src, s->begin, name)) {
        coro_fallback(co, s->begin, "a suspension point yieldc cannot read");
        return;
    }
    if (s->unevaluated)
        return;
    if (s->kind == MARK_AWAIT) {
        const char *why;
        if (s->callee && s->callee->as_written &&
            !vcall_possible(u, co, s->callee, co->tree.n[s->call].c, &why))
            coro_fallback(co, s->begin, why);
        check_call(u, co, s->call);
    }
    /* The way up to the statement that holds it, and on through every
       statement expression around that. */
    int c = s->node;
    for (;;) {
        int p = t->n[c].parent;
        if (p < 0)
            return;
        enum CXCursorKind k = t->n[p].kind;
        if (clang_isExpression(k)) {
            check_operator(u, co, p, c);
            c = p;
            continue;
        }
        if (k == CXCursor_VarDecl) {
            c = p;
            continue;
        }
        int stmt = k == CXCursor_DeclStmt || is_clause(t, p, c) ? p : c;
        if (stmt == c)
            check_stmt_text(u, co, c);
        else
            check_stmt(u, co, stmt, c);
        /* A declaration in a for's init clause moves the whole loop. */
        int up = t->n[stmt].parent;
        if (t->n[stmt].kind == CXCursor_DeclStmt && up >= 0 &&
            t->n[up].kind == CXCursor_ForStmt && is_clause(t, up, stmt))
            check_loop_directives(u, co, up);
        int q = t->n[stmt].parent;
        if (q < 0 || t->n[q].kind != CXCursor_CompoundStmt ||
            t->n[q].parent < 0 ||
            t->n[t->n[q].parent].kind != CXCursor_StmtExpr)
            return;
        c = t->n[q].parent;
        lowerable_node(u, co, c, 0);
    }
}

static void check_spawn(struct unit *u, struct coro *co, struct spawn *sp) {
    if (find_invocation(u, sp->begin, 1) >= 0) {
        lowerable_need(u, co, sp->begin, "");
        return;
    }
    const char *name = sp->is_async ? "YC_ASYNC" : "YC_SPAWN";
    if (!source_macro_call_end(&u->src, sp->begin, name)) {
        coro_fallback(co, sp->begin, "a spawn yieldc cannot read");
        return;
    }
    check_call(u, co, co->tree.n[sp->node].operand);
}

void lowerable_definition(struct unit *u, struct coro *co) {
    if (co->body_end > co->body_begin && u->src.data[co->body_begin] == '{' &&
        u->src.data[co->body_end - 1] == '}')
        return;
    int inv = find_invocation(u, co->body_begin, 1);
    if (inv >= 0)
        request(u, u->macros[inv].begin);
}

void lowerable_check(struct unit *u, struct coro *co) {
    for (unsigned i = 0; i < co->nsusps; i++)
        check_susp(u, co, &co->susps[i]);
    for (unsigned i = 0; i < u->nspawns; i++)
        if (u->spawns[i].in == co)
            check_spawn(u, co, &u->spawns[i]);
}
