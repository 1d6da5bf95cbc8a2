/* spawn.c - lowering YC_SPAWN and YC_ASYNC (see spawn.h). */
#include "spawn.h"

#include "cursor.h"
#include "decl.h"
#include "diag.h"
#include "lower_state.h"
#include "probe.h"
#include "vcall.h"

#include <stdlib.h>
#include <string.h>

/* The spawn's replacement. `fn` is the callee text for a call through a
   pointer (callee NULL), `args` the rendered arguments, each after ", ",
   and `s` the scheduler expression. */
static char *spawn_text(struct unit *u, struct spawn *sp, const char *fn,
                        const char *args, const char *s) {
    const struct corodecl *g = sp->callee;
    if (g && g->as_written) {
        /* A frame made for this call site (vcall.c). */
        const char *why;
        if (!vcall_possible(u, sp->in, g, sp->call, &why))
            diag_at(&u->src, sp->begin, DIAG_ERROR, "cannot start %s: %s",
                    sp->is_async ? "YC_ASYNC" : "YC_SPAWN", why);
        char *v = xasprintf("yc__vs%u", (unsigned)(sp - u->spawns));
        vcall_site(g, sp->call, v, &sp->site);
        char *r;
        if (!sp->is_async)
            r = xasprintf("yc__spawn(%s, %s_new(%s, 0%s))", s, v, s, args);
        else if (cursor_type_is_void(clang_getResultType(g->type)))
            r = xasprintf("yc__async(%s, %s_new(%s, 0%s), 0, 0)", s, v, s,
                          args);
        else
            r = xasprintf("yc__async(%s, %s_new(%s, 0%s), "
                          "YC__VCALL_RESULT_AT(%s))",
                          s, v, s, args, v);
        free(v);
        return r;
    }
    if (g) {
        char *start = xasprintf("yc__%s_start(%s, 0%s)", g->name, s, args);
        char *r;
        if (!sp->is_async)
            r = xasprintf("yc__spawn(%s, %s)", s, start);
        else if (cursor_type_is_void(clang_getResultType(g->type)))
            r = xasprintf("yc__async(%s, %s, 0, 0)", s, start);
        else
            r = xasprintf("yc__async(%s, %s, YC__RESULT_AT(%s))", s, start,
                          g->name);
        free(start);
        return r;
    }
    /* Through a pointer: the call, made with an await request, only
       creates the coroutine's frame, which yc__spawn_answer starts (a
       plain function behind the pointer has run in the call instead). The
       result's place in the frame follows from the call's type, as in the
       ABI's struct yc__NAME_res. */
    struct kids k = cursor_kids(sp->call);
    CXString fty = clang_getTypeSpelling(clang_getCursorType(k.c[0]));
    free(k.c);
    CXType rt = clang_getCursorType(sp->call);
    char *where = xstrdup("0, 0");
    if (sp->is_async && !cursor_type_is_void(rt)) {
        struct buf r = {0};
        const char *why;
        if (decl_format(rt, "", DECL_STRIP_CONST, &r, &why) != 0)
            diag_at(&u->src, sp->begin, DIAG_ERROR,
                    "YC_ASYNC through a function pointer needs a named "
                    "result type; give the struct a tag");
        const char *t = buf_str(&r);
        free(where);
        where = xasprintf("(sizeof(struct yc__frame) + _Alignof(%s) - 1) / "
                          "_Alignof(%s) * _Alignof(%s), sizeof(%s)",
                          t, t, t, t);
        buf_free(&r);
    }
    char *text =
        xasprintf("%s(((%s)yc__spawn_request(%s, (yc__fn)(%s)))(%s), "
                  "yc__spawn_answer(%s, %d, %s))",
                  sp->is_async ? "" : "(void)", clang_getCString(fty), s, fn,
                  *args ? args + 2 : "", s, sp->is_async, where);
    clang_disposeString(fty);
    free(where);
    return text;
}

void spawn_lower_node(struct lower *L, int i) {
    struct unit *u = L->u;
    struct spawn *sp = NULL;
    for (unsigned k = 0; k < u->nspawns && !sp; k++)
        if (u->spawns[k].in == L->co && u->spawns[k].node == i)
            sp = &u->spawns[k];
    if (!sp)
        return;
    const struct tree *t = L->t;
    int call = t->n[i].operand;
    unsigned begins[128], ends[128];
    int n = probe_args(L->co, call, begins, ends, 128);
    struct buf args = {0};
    for (int a = 0; a < n; a++) {
        char *text = lower_render(L, begins[a], ends[a]);
        buf_printf(&args, ", %s", text);
        free(text);
    }
    char *fn = sp->callee ? NULL : lower_render_node(L, t->n[call].first);
    char *text = spawn_text(u, sp, fn, buf_str(&args), "yc__s");
    edit_replace(&u->edits, sp->begin, sp->end, text);
    free(text);
    free(fn);
    buf_free(&args);
}

/* The arguments of a call outside a state-machine body, as written, each
   after ", "; NULL if its parentheses are not spelled there. */
static char *plain_args(struct unit *u, CXCursor call, char **fn) {
    struct kids k = cursor_kids(call);
    unsigned cb, ce, e, xb, begins[128], ends[128];
    int n = -1;
    *fn = NULL;
    if (k.n && source_range(&u->src, k.c[0], &cb, &ce) &&
        source_range(&u->src, call, &xb, &e) && xb == cb)
        n = probe_split_args(&u->src, source_skip_space(&u->src, ce), e, begins,
                             ends, 128);
    free(k.c);
    if (n < 0)
        return NULL;
    *fn = edit_text(&u->edits, &u->src, cb, ce);
    struct buf b = {0};
    buf_puts(&b, "");
    for (int i = 0; i < n; i++) {
        char *t = edit_text(&u->edits, &u->src, begins[i], ends[i]);
        buf_printf(&b, ", %s", t);
        free(t);
    }
    return buf_take(&b);
}

void spawn_lower(struct unit *u, struct spawn *sp) {
    if (sp->in_macro) {
        diag_at(&u->src, sp->begin, DIAG_ERROR,
                "%s inside a macro that yieldc cannot expand; write it in "
                "the function",
                sp->is_async ? "YC_ASYNC" : "YC_SPAWN");
        return;
    }
    char *fn;
    char *args = plain_args(u, sp->call, &fn);
    if (!args) {
        diag_at(&u->src, sp->begin, DIAG_ERROR,
                "the call in %s comes from a macro; write the call itself "
                "in the %s",
                sp->is_async ? "YC_ASYNC" : "YC_SPAWN",
                sp->is_async ? "YC_ASYNC" : "YC_SPAWN");
        return;
    }
    char *text = spawn_text(u, sp, fn, args, "yc__sched_get()");
    edit_replace(&u->edits, sp->begin, sp->end, text);
    free(text);
    free(fn);
    free(args);
}
