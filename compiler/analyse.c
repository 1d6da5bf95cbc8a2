/* analyse.c - pass 3: for each coroutine definition, find its locals, their
   references and scopes, its suspension points and the statements they
   stand in, its returns and declarations; check misuse; decide which
   locals live in the frame. */
#include "decl.h"
#include "diag.h"
#include "pass.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 512

/* State of the walk over one body. */
struct walk {
    struct unit *u;
    struct coro *co;
    CXCursor stack[MAX_DEPTH]; /* ancestors of the cursor being visited */
    int depth;                 /* number of entries in stack */
    CXCursor *allowed;         /* coroutine calls that are awaited */
    unsigned nallowed, capallowed;
};

/* The index of the local declared by decl, or -1. Indices, not pointers,
   are kept because the locals array grows during the walk. */
int analyse_local(const struct coro *co, CXCursor decl) {
    for (unsigned i = 0; i < co->nlocals; i++)
        if (clang_equalCursors(co->locals[i].cursor, decl))
            return (int)i;
    return -1;
}

/* Records a suspension point. A macro that uses its argument twice would
   make one YC_AWAIT in the text two awaits in the program, which a
   rewrite of the text cannot express. */
static void add_susp(struct walk *w, const struct susp *s0) {
    struct coro *co = w->co;
    struct susp copy = *s0, *s = &copy;
    /* The marker is stack[depth - 1]; its full expression is the outermost
       expression above it. */
    s->clause_begin = s->begin;
    for (int p = w->depth - 2;
         p >= 0 && clang_isExpression(clang_getCursorKind(w->stack[p]));
         p--) {
        unsigned b, e;
        if (source_range(&w->u->src, w->stack[p], &b, &e) &&
            b < s->clause_begin)
            s->clause_begin = b;
    }
    for (unsigned i = 0; i < co->nsusps; i++)
        if (co->susps[i].begin == s->begin) {
            diag_at(&w->u->src, s->begin, DIAG_ERROR,
                    "this suspension point is expanded more than once by "
                    "the macro around it; assign its result to a variable "
                    "before using it in the macro");
            return;
        }
    for (int p = w->depth - 2; p >= 0; p--)
        if (clang_getCursorKind(w->stack[p]) == CXCursor_StmtExpr)
            analyse_fallback(co, s->begin,
                             "a suspension point inside a statement "
                             "expression");
    *VEC_PUSH(co->susps, co->nsusps, co->capsusps) = *s;
}

void analyse_fallback(struct coro *co, unsigned off, const char *construct) {
    if (co->stackful)
        return;
    co->stackful = 1;
    co->why_stackful = construct;
    co->why_off = off;
}

/* Records YC_AWAIT at stack[i] (cursor c, awaiting `operand`). */
static void add_await(struct walk *w, CXCursor operand, unsigned b,
                      unsigned e) {
    const struct source *src = &w->u->src;
    e = source_macro_call_end(src, b, "YC_AWAIT");
    /* Whatever is wrong with this await, its call is not a call without
       YC_AWAIT: report only the first problem. */
    *VEC_PUSH(w->allowed, w->nallowed, w->capallowed) = operand;
    if (!e) {
        diag_at(src, b, DIAG_ERROR,
                "YC_AWAIT inside the body of another macro is not supported "
                "yet; expand the macro by hand");
        return;
    }
    struct susp s = {0};
    s.kind = SUSP_AWAIT;
    s.begin = b;
    s.end = e;
    s.call = operand;
    unsigned ob, oe;
    source_range(src, operand, &ob, &oe);
    CXCursor ref = clang_getCursorReferenced(operand);
    int ptr = is_pointer_call(operand);
    if (!ptr && clang_getCursorKind(operand) == CXCursor_CallExpr)
        s.callee = find_coroutine(w->u, ref);
    if (ptr) {
        /* A call through a function pointer: awaited through the plain
           wrapper's await request (see yieldc/abi.h). */
        *VEC_PUSH(w->allowed, w->nallowed, w->capallowed) = operand;
        add_susp(w, &s);
        return;
    }
    if (!s.callee) {
        if (clang_getCursorKind(operand) == CXCursor_CallExpr &&
            clang_getCursorKind(ref) == CXCursor_FunctionDecl) {
            char *name = cursor_name(ref);
            diag_at(src, ob, DIAG_ERROR,
                    "'%s' is not a coroutine and cannot be awaited; declare "
                    "it YC_COROUTINE or call it without YC_AWAIT",
                    name);
            free(name);
        } else {
            diag_at(src, ob, DIAG_ERROR,
                    "expression is not awaitable; YC_AWAIT expects a call of "
                    "a coroutine");
        }
        return;
    }
    *VEC_PUSH(w->allowed, w->nallowed, w->capallowed) = operand;
    add_susp(w, &s);
}

static void add_yield(struct walk *w, unsigned b, unsigned e) {
    const struct source *src = &w->u->src;
    e = source_macro_call_end(src, b, "YC_YIELD");
    if (!e) {
        diag_at(src, b, DIAG_ERROR,
                "YC_YIELD inside the body of another macro is not supported "
                "yet; expand the macro by hand");
        return;
    }
    struct susp s = {0};
    s.kind = SUSP_YIELD;
    s.begin = b;
    s.end = e;
    add_susp(w, &s);
}

static void add_local(struct walk *w, CXCursor c) {
    struct coro *co = w->co;
    const struct source *src = &w->u->src;
    struct local *l = VEC_PUSH(co->locals, co->nlocals, co->caplocals);
    memset(l, 0, sizeof *l);
    l->cursor = c;
    l->name = cursor_name(c);
    l->type = clang_getCursorType(c);
    enum CX_StorageClass sc = clang_Cursor_getStorageClass(c);
    l->is_static = sc == CX_SC_Static || sc == CX_SC_Extern;
    l->is_array = l->type.kind == CXType_ConstantArray ||
                  l->type.kind == CXType_IncompleteArray ||
                  l->type.kind == CXType_VariableArray;
    source_range(src, c, &l->begin, &l->end);
    /* The scope is the statement holding the declaration: a compound
       statement, or a for statement for a declaration in its init clause. */
    int p = w->depth - 2; /* stack[depth - 1] is the VarDecl itself */
    if (p >= 0 && clang_getCursorKind(w->stack[p]) == CXCursor_DeclStmt)
        p--;
    if (p >= 0)
        source_range(src, w->stack[p], &l->scope_begin, &l->scope_end);
    if (l->type.kind == CXType_VariableArray)
        analyse_fallback(co, l->begin, "a variable-length array");
}

/* Marks the locals named inside the operand of a unary '&'. */
static enum CXChildVisitResult mark_addr(CXCursor c, CXCursor parent,
                                         CXClientData data) {
    (void)parent;
    struct walk *w = data;
    if (clang_getCursorKind(c) == CXCursor_DeclRefExpr) {
        int l = analyse_local(w->co, clang_getCursorReferenced(c));
        if (l >= 0)
            w->co->locals[l].addr_taken = 1;
    }
    return CXChildVisit_Recurse;
}

static int is_allowed(const struct walk *w, CXCursor call) {
    for (unsigned i = 0; i < w->nallowed; i++)
        if (clang_equalCursors(w->allowed[i], call))
            return 1;
    return 0;
}

static int spawned_call(const struct unit *u, CXCursor call) {
    for (unsigned i = 0; i < u->nspawns; i++)
        if (clang_equalCursors(u->spawns[i].call, call))
            return 1;
    return 0;
}

static const char *unsupported_call(const char *name) {
    static const char *const names[] = {"alloca", "__builtin_alloca",
                                        "setjmp", "_setjmp", "sigsetjmp",
                                        "__sigsetjmp", "longjmp", NULL};
    for (int i = 0; names[i]; i++)
        if (!strcmp(name, names[i]))
            return names[i];
    return NULL;
}

/* Whether visit() reads the range of a cursor of kind k. Mapping an extent
   to the file is costly (libclang walks the macro expansions), and most
   cursors of a body - casts, literals, parentheses - do not need it. */
static int uses_range(enum CXCursorKind k) {
    switch (k) {
    case CXCursor_BinaryOperator:
    case CXCursor_CallExpr:
    case CXCursor_DeclStmt:
    case CXCursor_DeclRefExpr:
    case CXCursor_UnaryOperator:
    case CXCursor_ReturnStmt:
    case CXCursor_WhileStmt:
    case CXCursor_DoStmt:
    case CXCursor_ForStmt:
    case CXCursor_CompoundLiteralExpr:
    case CXCursor_IndirectGotoStmt:
    case CXCursor_AddrLabelExpr:
    case CXCursor_FunctionDecl:
    case CXCursor_StructDecl:
    case CXCursor_UnionDecl:
    case CXCursor_EnumDecl:
    case CXCursor_TypedefDecl:
        return 1;
    default:
        return 0;
    }
}

static void visit(struct walk *w, CXCursor c);

static enum CXChildVisitResult visit_child(CXCursor c, CXCursor parent,
                                           CXClientData data) {
    (void)parent;
    visit(data, c);
    return CXChildVisit_Continue;
}

static void visit(struct walk *w, CXCursor c) {
    struct unit *u = w->u;
    struct coro *co = w->co;
    const struct source *src = &u->src;
    if (w->depth == MAX_DEPTH) {
        diag_loc(clang_getCursorLocation(c), DIAG_ERROR,
                 "statement nesting too deep for yieldc");
        return;
    }
    int i = w->depth;
    w->stack[w->depth++] = c;
    enum CXCursorKind k = clang_getCursorKind(c);
    unsigned b = 0, e = 0;
    int in_main = uses_range(k) && source_range(src, c, &b, &e);
    CXCursor operand = marker_operand(c, "yc__await_mark");

    if (!clang_Cursor_isNull(operand) && in_main) {
        add_await(w, operand, b, e);
    } else if (is_marker_call(c, "yc__yield_mark") && in_main) {
        add_yield(w, b, e);
    } else if (k == CXCursor_VarDecl) {
        add_local(w, c);
    } else if (k == CXCursor_DeclStmt && in_main) {
        struct declstmt *d = VEC_PUSH(co->decls, co->ndecls, co->capdecls);
        d->cursor = c;
        d->begin = b;
        d->end = e;
        d->in_for_init =
            i > 0 && clang_getCursorKind(w->stack[i - 1]) == CXCursor_ForStmt;
    } else if (k == CXCursor_DeclRefExpr) {
        int l = analyse_local(co, clang_getCursorReferenced(c));
        if (l >= 0 && in_main) {
            struct ref *r = VEC_PUSH(co->refs, co->nrefs, co->caprefs);
            memset(r, 0, sizeof *r);
            r->begin = b;
            r->end = e;
            r->local = (unsigned)l;
        }
    } else if (k == CXCursor_UnaryOperator && in_main && b < src->len &&
               src->data[b] == '&' && src->data[b + 1] != '&') {
        clang_visitChildren(c, mark_addr, w);
    } else if (k == CXCursor_ReturnStmt && in_main) {
        struct ret *r = VEC_PUSH(co->rets, co->nrets, co->caprets);
        memset(r, 0, sizeof *r);
        r->begin = b;
        r->end = e;
        if (cursor_nchildren(c) == 1) {
            r->has_expr = 1;
            source_range(src, cursor_child(c, 0), &r->expr_begin,
                         &r->expr_end);
        }
    } else if (k == CXCursor_CallExpr) {
        CXCursor callee = clang_getCursorReferenced(c);
        struct corodecl *cd = find_coroutine(u, callee);
        char *name = cursor_name(c);
        const char *bad = unsupported_call(name);
        int ptr = !cd && cursor_nchildren(c) > 0 &&
                  is_coroutine_pointer(cursor_child(c, 0));
        if ((cd || ptr) && in_main && !is_allowed(w, c) &&
            !spawned_call(u, c)) {
            char *text = xstrndup(src->data + b, e - b);
            char *fix = xasprintf("YC_AWAIT(%s)", text);
            if (cd)
                diag_fixit(src, b, e, fix, DIAG_ERROR,
                           "call of coroutine '%s' from a coroutine without "
                           "YC_AWAIT; write YC_AWAIT(...) to await it",
                           cd->name);
            else
                diag_fixit(src, b, e, fix, DIAG_ERROR,
                           "call through a coroutine pointer from a "
                           "coroutine without YC_AWAIT; write YC_AWAIT(...) "
                           "to await it");
            free(text);
            free(fix);
        } else if (bad) {
            unsigned off = b;
            source_offset(src, clang_getCursorLocation(c), &off);
            analyse_fallback(co, off,
                             !strcmp(bad, "alloca") ||
                                     !strcmp(bad, "__builtin_alloca")
                                 ? "alloca"
                                 : "setjmp/longjmp");
        }
        free(name);
    } else if ((k == CXCursor_WhileStmt || k == CXCursor_DoStmt ||
                k == CXCursor_ForStmt) &&
               in_main) {
        /* A for statement's init clause runs once: its region starts after
           a declaration there. */
        unsigned lb = b;
        CXCursor first = cursor_child(c, 0);
        unsigned fb, fe;
        if (k == CXCursor_ForStmt &&
            clang_getCursorKind(first) == CXCursor_DeclStmt &&
            source_range(src, first, &fb, &fe))
            lb = fe;
        *VEC_PUSH(co->loops, co->nloops, co->caploops) = lb;
        *VEC_PUSH(co->loops, co->nloops, co->caploops) = e;
    } else if (k == CXCursor_CompoundLiteralExpr && in_main) {
        /* Its block is the nearest compound statement; a static local's
           initializer has static literals, which stay as they are. */
        unsigned bb = 0, be = 0;
        int is_static = 0;
        for (int p = i - 1; p >= 0; p--) {
            enum CXCursorKind pk = clang_getCursorKind(w->stack[p]);
            if (pk == CXCursor_VarDecl &&
                clang_Cursor_getStorageClass(w->stack[p]) == CX_SC_Static)
                is_static = 1;
            if (pk == CXCursor_CompoundStmt && !be)
                source_range(src, w->stack[p], &bb, &be);
        }
        /* Only a literal whose storage is used - an array, which decays to
           a pointer, or one whose address or member is taken - needs to
           outlive a suspension; an rvalue use copies it at once. */
        CXType lt = clang_getCursorType(c);
        int stored = lt.kind == CXType_ConstantArray ||
                     lt.kind == CXType_IncompleteArray;
        for (int p = i - 1; p >= 0 && !stored; p--) {
            enum CXCursorKind pk = clang_getCursorKind(w->stack[p]);
            unsigned pb, pe;
            if (pk == CXCursor_ParenExpr || pk == CXCursor_UnexposedExpr)
                continue;
            stored = pk == CXCursor_MemberRefExpr ||
                     (pk == CXCursor_UnaryOperator &&
                      source_range(src, w->stack[p], &pb, &pe) &&
                      src->data[pb] == '&');
            break;
        }
        if (!is_static && be && stored) {
            struct complit *cl = VEC_PUSH(co->lits, co->nlits, co->caplits);
            cl->begin = b;
            cl->end = e;
            cl->block_begin = bb;
            cl->block_end = be;
            cl->type = clang_getCursorType(c);
            cl->field = NULL;
        }
    } else if (k == CXCursor_GotoStmt) {
        co->has_goto = 1;
    } else if (k == CXCursor_IndirectGotoStmt || k == CXCursor_AddrLabelExpr) {
        analyse_fallback(co, b, k == CXCursor_IndirectGotoStmt
                                    ? "a computed goto"
                                    : "a label address");
    } else if (k == CXCursor_FunctionDecl && i > 0 &&
               clang_isCursorDefinition(c)) {
        analyse_fallback(co, b, "a nested function");
    } else if ((k == CXCursor_StructDecl || k == CXCursor_UnionDecl ||
                k == CXCursor_EnumDecl || k == CXCursor_TypedefDecl) &&
               i > 0 && in_main &&
               clang_getCursorKind(w->stack[i - 1]) == CXCursor_DeclStmt &&
               clang_isCursorDefinition(c)) {
        /* Types declared in the body stay there unless a frame field needs
           one; decide_frame decides. */
        struct localtype *t = VEC_PUSH(co->types, co->ntypes, co->captypes);
        t->cursor = c;
        t->declstmt = w->stack[i - 1];
        t->begin = b;
        t->end = e;
        t->alone = cursor_nchildren(w->stack[i - 1]) == 1;
    }
    clang_visitChildren(c, visit_child, w);
    w->depth--;
}

/* Whether a type names a struct, union, enum or typedef declared inside
   the coroutine's body (which the file-scope frame struct cannot see). */
static int type_is_local(const struct unit *u, const struct coro *co,
                         CXType t) {
    for (int guard = 0; guard < 64; guard++) {
        if (t.kind == CXType_Pointer)
            t = clang_getPointeeType(t);
        else if (t.kind == CXType_ConstantArray ||
                 t.kind == CXType_IncompleteArray)
            t = clang_getArrayElementType(t);
        else
            break;
    }
    CXCursor d = clang_getTypeDeclaration(t);
    unsigned off;
    if (clang_Cursor_isNull(d) ||
        !source_offset(&u->src, clang_getCursorLocation(d), &off))
        return 0;
    return off > co->body_begin && off < co->body_end;
}

/* Whether local li's value may be needed after suspension point s: it is
   named after the start of s's full expression in its scope (the rest of
   that expression runs after the resume), or s lies in a loop that began after the
   local's declaration and names it (the loop's back edge carries the value
   around). A conservative liveness: a name counts as a use even where it
   is only assigned. */
static int live_after(const struct coro *co, unsigned li, const struct susp *s) {
    const struct local *l = &co->locals[li];
    for (unsigned r = 0; r < co->nrefs; r++) {
        const struct ref *ref = &co->refs[r];
        if (ref->local != li)
            continue;
        /* The awaited call's own arguments run before it suspends. */
        int in_call = ref->begin >= s->begin && ref->end <= s->end;
        if (ref->begin >= s->clause_begin && ref->begin < l->scope_end &&
            !in_call)
            return 1;
        for (unsigned k = 0; k + 1 < co->nloops; k += 2) {
            unsigned lb = co->loops[k], le = co->loops[k + 1];
            if (lb >= l->end && s->begin >= lb && s->end <= le &&
                ref->begin >= lb && ref->begin < le)
                return 1;
        }
    }
    return 0;
}

/* Decides which locals live in the frame and names their fields. A local
   lives in the frame when its value may be needed after a suspension point
   in its scope (see live_after; with a goto in the body, whenever a
   suspension point follows its declaration in its scope), and, once its
   address is taken or it is an array, whenever its scope holds a
   suspension point at all: a pointer may reach it from anywhere. */
static void decide_frame(struct unit *u, struct coro *co) {
    unsigned used_cap = 0, nused = 0;
    char **used = NULL;
    for (unsigned i = 0; i < co->nlocals; i++) {
        struct local *l = &co->locals[i];
        if (l->is_param) {
            l->in_frame = 1;
        } else if (!l->is_static) {
            /* A backward goto can carry a suspension that stands before
               the declaration to a later use, as can a pointer. */
            int pinned = l->addr_taken || l->is_array;
            unsigned from = pinned || co->has_goto ? l->scope_begin : l->end;
            for (unsigned s = 0; s < co->nsusps && !l->in_frame; s++)
                if (co->susps[s].begin >= from &&
                    co->susps[s].begin < l->scope_end)
                    l->in_frame = pinned || co->has_goto ||
                                  live_after(co, i, &co->susps[s]);
        }
        if (!l->in_frame)
            continue;
        const char *why = NULL;
        struct buf tmp = {0};
        if (decl_format(l->type, "x", DECL_STRIP_CONST, &tmp, &why) != 0) {
            diag_at(&u->src, l->begin, DIAG_ERROR,
                    "'%s' lives across a suspension, but %s is not "
                    "supported there yet",
                    l->name, why);
        } else if (type_is_local(u, co, l->type)) {
            co->hoist_types = 1;
        }
        buf_free(&tmp);
        int clash = 0;
        for (unsigned j = 0; j < nused; j++)
            clash |= !strcmp(used[j], l->name);
        l->field = clash ? xasprintf("yc__%s_%u", l->name, i)
                         : xstrdup(l->name);
        *VEC_PUSH(used, nused, used_cap) = l->field;
    }
    free(used);
    /* A compound literal is an unnamed local whose address is usually
       taken: it moves into the frame when its block suspends. */
    for (unsigned i = 0; i < co->nlits; i++) {
        struct complit *cl = &co->lits[i];
        for (unsigned k = 0; k < co->nsusps && !cl->field; k++)
            if (co->susps[k].begin >= cl->block_begin &&
                co->susps[k].begin < cl->block_end)
                cl->field = xasprintf("yc__cl%u", i + 1);
    }
}

int analyse_run(struct unit *u) {
    /* One walk serves every coroutine: its ancestor stack is large, and
       clearing a fresh one per coroutine showed in the profile. */
    struct walk *w = xcalloc(1, sizeof *w);
    w->u = u;
    for (unsigned ci = 0; ci < u->ncoros; ci++) {
        struct coro *co = &u->coros[ci];
        if (co->decl->type.kind == CXType_FunctionProto &&
            clang_isFunctionTypeVariadic(co->decl->type))
        {
            unsigned off = co->def_begin;
            source_offset(&u->src, clang_getCursorLocation(co->def), &off);
            analyse_fallback(co, off, "its variable arguments ('...')");
        }
        int nargs = clang_Cursor_getNumArguments(co->def);
        for (int a = 0; a < nargs; a++) {
            CXCursor p = clang_Cursor_getArgument(co->def, (unsigned)a);
            struct local *l = VEC_PUSH(co->locals, co->nlocals, co->caplocals);
            memset(l, 0, sizeof *l);
            l->cursor = p;
            l->name = cursor_name(p);
            /* The adjusted type: an array parameter is a pointer. */
            l->type = co->decl->type.kind == CXType_FunctionProto
                          ? clang_getArgType(co->decl->type, (unsigned)a)
                          : clang_getCursorType(p);
            l->is_param = 1;
            source_range(&u->src, p, &l->begin, &l->end);
            if (!*l->name)
                diag_at(&u->src, l->begin, DIAG_ERROR,
                        "parameter %d of coroutine '%s' needs a name", a + 1,
                        co->name);
        }
        w->co = co;
        w->depth = 0;
        w->nallowed = 0;
        CXCursor body = cursor_child(co->def, cursor_nchildren(co->def) - 1);
        visit(w, body);
        if (co->stackful && !u->opt.stackful)
            diag_at(&u->src, co->why_off, DIAG_WARNING,
                    "coroutine '%s' is lowered to the stackful form (it runs "
                    "on its own stack) because of %s",
                    co->name, co->why_stackful);
        if (u->opt.stackful)
            analyse_fallback(co, co->def_begin, "--stackful");
        if (!co->stackful)
            decide_frame(u, co);
    }
    free(w->allowed);
    free(w);
    return diag_errors() != 0;
}

void analyse_print(const struct unit *u) {
    for (unsigned ci = 0; ci < u->ncoros; ci++) {
        const struct coro *co = &u->coros[ci];
        printf("coroutine %s\n", co->name);
        for (unsigned s = 0; s < co->nsusps; s++) {
            const struct susp *sp = &co->susps[s];
            unsigned line, col;
            source_linecol(&u->src, sp->begin, &line, &col);
            printf("  suspend at %u:%u: %s%s%s\n", line, col,
                   sp->kind == SUSP_YIELD ? "yield" : "await ",
                   sp->callee ? sp->callee->name : "",
                   sp->kind == SUSP_AWAIT ? "()" : "");
        }
        for (unsigned i = 0; i < co->nlocals; i++) {
            const struct local *l = &co->locals[i];
            printf("  %s %s: %s%s%s\n", l->is_param ? "param" : "local",
                   l->name, l->in_frame ? "frame" : "register",
                   l->addr_taken ? ", address taken" : "",
                   l->is_array ? ", array" : "");
        }
    }
}
