/* lower.c - pass 4: rewrite each coroutine body for its step function.

   The body keeps its shape: the same statements, loops and labels, so that
   the C compiler sees nearly the code the user wrote. Four rewrites turn it
   into a resumable step function (emit.c wraps it in the dispatch switch):

   - a local that lives in the frame is named through the frame pointer
     (x becomes yc__f->x) and its declaration becomes an assignment;
   - `return e` stores e in the frame's result and returns YC__DONE;
   - each suspension point saves its resume state, returns YC__SUSPENDED
     and gets a label `yc__resume_N` that the dispatch jumps to;
   - YC_SPAWN(f(...)) starts f as a new task (also outside coroutines).

   An await calls the callee's step function directly, so a callee that
   does not suspend costs one call; the result is read and the callee's
   frame freed either right away or after the resume. */
#include "decl.h"
#include "diag.h"
#include "pass.h"

#include <stdlib.h>
#include <string.h>

#define HDR "yc__f->yc__res.yc__hdr"

static char *render(struct unit *u, unsigned b, unsigned e) {
    return edit_text(&u->edits, &u->src, b, e);
}

/* The rendered arguments of a call, separated by ", ". */
static char *call_args(struct unit *u, CXCursor call) {
    struct buf b = {0};
    int n = clang_Cursor_getNumArguments(call);
    for (int i = 0; i < n; i++) {
        unsigned ab, ae;
        CXCursor a = clang_Cursor_getArgument(call, (unsigned)i);
        if (!source_range(&u->src, a, &ab, &ae)) {
            diag_loc(clang_getCursorLocation(a), DIAG_ERROR,
                     "argument of a coroutine call comes from a macro "
                     "yieldc cannot rewrite");
            continue;
        }
        char *t = render(u, ab, ae);
        buf_printf(&b, "%s%s", i ? ", " : "", t);
        free(t);
    }
    return buf_take(&b);
}

/* The text that starts an awaited call and runs it until it finishes or
   suspends, leaving the finished callee's frame in yc__cf. */
static void await_begin(struct unit *u, const struct susp *s, struct buf *b) {
    char *args = call_args(u, s->call);
    const char *name = s->callee->name;
    buf_printf(b, "yc__cf = yc__%s_start(yc__s, &" HDR "%s%s); ", name,
               *args ? ", " : "", args);
    buf_printf(b,
               "if (YC__UNLIKELY(yc__%s_step(yc__cf, yc__s))) { " HDR
               ".state = %d; return YC__SUSPENDED; } ",
               name, s->label);
    buf_printf(b, "if (0) { yc__resume_%d: yc__cf = yc__callee_done(yc__s); } ",
               s->label);
    free(args);
}

/* The finished callee's result. */
static void await_result(const struct susp *s, struct buf *b) {
    buf_printf(b, "((struct yc__%s_res *)yc__cf)->yc__ret", s->callee->name);
}

static void lower_susp(struct unit *u, struct coro *co, struct susp *s) {
    struct buf b = {0};
    if (s->kind == SUSP_YIELD) {
        buf_printf(&b,
                   "do { yc__yield(yc__s, &" HDR ", %d); return "
                   "YC__SUSPENDED; yc__resume_%d:; } while (0)",
                   s->label, s->label);
        edit_replace(&u->edits, s->begin, s->end, buf_str(&b));
        buf_free(&b);
        return;
    }
    int is_void = clang_getResultType(s->callee->type).kind == CXType_Void;
    switch (s->form) {
    case FORM_STMT:
        buf_puts(&b, "do { ");
        await_begin(u, s, &b);
        buf_puts(&b, "yc__frame_free(yc__s, yc__cf); } while (0)");
        break;
    case FORM_ASSIGN: {
        char *lhs = render(u, s->lhs_begin, s->lhs_end);
        buf_puts(&b, "do { ");
        await_begin(u, s, &b);
        buf_printf(&b, "%s = ", lhs);
        await_result(s, &b);
        buf_puts(&b, "; yc__frame_free(yc__s, yc__cf); } while (0)");
        free(lhs);
        break;
    }
    case FORM_INIT: {
        /* A declaration stands in a compound statement, so the rewrite may
           be several statements; a C local is declared with its
           initializer after the resume label, which keeps const locals
           legal. */
        struct local *v = &co->locals[s->var];
        await_begin(u, s, &b);
        if (v->in_frame) {
            buf_printf(&b, "yc__f->%s = ", v->field);
        } else {
            const char *why;
            decl_format(v->type, v->name, 0, &b, &why);
            buf_puts(&b, " = ");
        }
        await_result(s, &b);
        buf_puts(&b, "; yc__frame_free(yc__s, yc__cf);");
        break;
    }
    case FORM_RETURN:
        buf_puts(&b, "do { ");
        await_begin(u, s, &b);
        if (!co->is_void) {
            buf_puts(&b, "yc__f->yc__res.yc__ret = ");
            if (is_void)
                buf_puts(&b, "0");
            else
                await_result(s, &b);
            buf_puts(&b, "; ");
        }
        buf_puts(&b, "yc__frame_free(yc__s, yc__cf); return YC__DONE; } "
                     "while (0)");
        break;
    }
    edit_replace(&u->edits, s->stmt_begin, s->stmt_end, buf_str(&b));
    buf_free(&b);
}

static void lower_return(struct unit *u, struct coro *co, struct ret *r) {
    char *text;
    if (!r->has_expr) {
        text = xstrdup("return YC__DONE");
    } else {
        char *e = render(u, r->expr_begin, r->expr_end);
        if (co->is_void)
            text = xasprintf("return ((void)(%s), YC__DONE)", e);
        else
            text = xasprintf("return (yc__f->yc__res.yc__ret = (%s), "
                             "YC__DONE)",
                             e);
        free(e);
    }
    edit_replace(&u->edits, r->begin, r->end, text);
    free(text);
}

static int local_of(struct coro *co, CXCursor decl) {
    for (unsigned i = 0; i < co->nlocals; i++)
        if (clang_equalCursors(co->locals[i].cursor, decl))
            return (int)i;
    return -1;
}

/* Appends the statement that gives frame local v its initial value: an
   assignment, through a compound literal for a braced initializer, and a
   memcpy from a compound literal for an array. */
static void frame_init(struct unit *u, struct local *v, CXCursor init,
                       struct buf *b) {
    unsigned ib, ie;
    source_range(&u->src, init, &ib, &ie);
    char *text = render(u, ib, ie);
    int braces = clang_getCursorKind(strip_expr(init)) == CXCursor_InitListExpr;
    struct buf type = {0};
    const char *why;
    decl_format(v->type, "", DECL_STRIP_CONST, &type, &why);
    if (v->is_array)
        buf_printf(b, "memcpy(yc__f->%s, (%s)%s%s%s, sizeof yc__f->%s)",
                   v->field, buf_str(&type), braces ? "" : "{", text,
                   braces ? "" : "}", v->field);
    else if (braces)
        buf_printf(b, "yc__f->%s = (%s)%s", v->field, buf_str(&type), text);
    else
        buf_printf(b, "yc__f->%s = %s", v->field, text);
    buf_free(&type);
    free(text);
}

/* Rewrites a declaration statement holding frame locals. */
static void lower_declstmt(struct unit *u, struct coro *co,
                           struct declstmt *d) {
    unsigned n = cursor_nchildren(d->cursor);
    int any_frame = 0, any_other = 0;
    for (unsigned i = 0; i < n; i++) {
        CXCursor c = cursor_child(d->cursor, i);
        int vi = clang_getCursorKind(c) == CXCursor_VarDecl ? local_of(co, c)
                                                            : -1;
        struct local *v = vi >= 0 ? &co->locals[vi] : NULL;
        if (v && v->in_frame)
            any_frame = 1;
        else
            any_other = 1;
    }
    if (!any_frame)
        return;
    for (unsigned s = 0; s < co->nsusps; s++)
        if (co->susps[s].form == FORM_INIT &&
            co->susps[s].stmt_begin == d->begin)
            return; /* the await's rewrite covers it */
    if (any_other && d->in_for_init) {
        diag_at(&u->src, d->begin, DIAG_ERROR,
                "a for clause declaring variables that live across a "
                "suspension and others is not supported yet");
        return;
    }
    struct buf b = {0};
    int pieces = 0;
    for (unsigned i = 0; i < n; i++) {
        CXCursor c = cursor_child(d->cursor, i);
        int vi = local_of(co, c);
        struct local *v = vi >= 0 ? &co->locals[vi] : NULL;
        if (!v) {
            diag_loc(clang_getCursorLocation(c), DIAG_ERROR,
                     "a type declared together with variables that live "
                     "across a suspension is not supported yet");
            continue;
        }
        CXCursor init = clang_Cursor_getVarDeclInitializer(c);
        int has_init = !clang_Cursor_isNull(init);
        if (v->in_frame && !has_init)
            continue;
        if (pieces++)
            buf_puts(&b, d->in_for_init ? ", " : " ");
        if (v->in_frame) {
            frame_init(u, v, init, &b);
        } else {
            const char *why;
            if (decl_format(v->type, v->name, 0, &b, &why) != 0)
                diag_at(&u->src, v->begin, DIAG_ERROR,
                        "'%s': %s next to variables that live across a "
                        "suspension is not supported yet",
                        v->name, why);
            if (has_init) {
                unsigned ib, ie;
                source_range(&u->src, init, &ib, &ie);
                char *t = render(u, ib, ie);
                buf_printf(&b, " = %s", t);
                free(t);
            }
        }
        if (!d->in_for_init)
            buf_putc(&b, ';');
    }
    if (d->in_for_init || !pieces)
        buf_putc(&b, ';');
    edit_replace(&u->edits, d->begin, d->end, buf_str(&b));
    buf_free(&b);
}

static void lower_refs(struct unit *u, struct coro *co) {
    for (unsigned i = 0; i < co->nrefs; i++) {
        struct ref *r = &co->refs[i];
        struct local *l = &co->locals[r->local];
        if (!l->in_frame)
            continue;
        if (!source_is(&u->src, r->begin, r->end, l->name)) {
            diag_at(&u->src, r->begin, DIAG_ERROR,
                    "a macro's body refers to '%s', which lives across a "
                    "suspension in the frame; this is not supported yet "
                    "(pass '%s' to the macro as an argument)",
                    l->name, l->name);
            continue;
        }
        char *t = xasprintf("yc__f->%s", l->field);
        edit_replace(&u->edits, r->begin, r->end, t);
        free(t);
    }
}

static void lower_spawn(struct unit *u, struct spawn *sp) {
    char *args = call_args(u, sp->call);
    const char *s = sp->in ? "yc__s" : "yc__sched_get()";
    char *t = xasprintf("yc__spawn(%s, yc__%s_start(%s, 0%s%s))", s,
                        sp->callee->name, s, *args ? ", " : "", args);
    edit_replace(&u->edits, sp->begin, sp->end, t);
    free(t);
    free(args);
}

int lower_run(struct unit *u) {
    for (unsigned ci = 0; ci < u->ncoros; ci++) {
        struct coro *co = &u->coros[ci];
        /* Innermost rewrites first: each outer rewrite renders its parts
           with the inner ones applied and then supersedes them. */
        lower_refs(u, co);
        for (unsigned i = 0; i < u->nspawns; i++)
            if (u->spawns[i].in == co)
                lower_spawn(u, &u->spawns[i]);
        for (unsigned i = 0; i < co->nrets; i++)
            lower_return(u, co, &co->rets[i]);
        for (unsigned i = 0; i < co->ndecls; i++)
            lower_declstmt(u, co, &co->decls[i]);
        for (unsigned i = 0; i < co->nsusps; i++)
            lower_susp(u, co, &co->susps[i]);
    }
    for (unsigned i = 0; i < u->nspawns; i++)
        if (!u->spawns[i].in)
            lower_spawn(u, &u->spawns[i]);
    return diag_errors() != 0;
}
