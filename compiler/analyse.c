/* analyse.c - pass 3: the walk over each coroutine body that records what
   it holds, and the misuse of yieldc's markers. lowerable.c then decides
   the lowering and frame.c the frame. */
#include "analyse.h"

#include "cursor.h"
#include "diag.h"
#include "find.h"
#include "frame.h"
#include "lowerable.h"
#include "probe.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Locals, by declaration                                              */
/* ------------------------------------------------------------------ */

/* A declaration's identity: the Decl behind the cursor. */
static uintptr_t decl_key(CXCursor d) { return (uintptr_t)d.data[0]; }

static unsigned key_hash(uintptr_t k) {
    k ^= k >> 17;
    k *= 0x9E3779B97F4A7C15u;
    return (unsigned)(k >> 29);
}

static unsigned *index_slot(const struct coro *co, uintptr_t k) {
    unsigned mask = co->nlocal_index - 1;
    for (unsigned h = key_hash(k) & mask;; h = (h + 1) & mask) {
        unsigned *s = &co->local_index[h];
        if (!*s || decl_key(co->locals[*s - 1].cursor) == k)
            return s;
    }
}

/* Puts the newest local in the index, growing it past half full. */
static void index_local(struct coro *co) {
    if (2 * co->nlocals > co->nlocal_index) {
        free(co->local_index);
        co->nlocal_index = co->nlocal_index ? 2 * co->nlocal_index : 64;
        co->local_index = xcalloc(co->nlocal_index, sizeof *co->local_index);
        for (unsigned i = 0; i + 1 < co->nlocals; i++)
            *index_slot(co, decl_key(co->locals[i].cursor)) = i + 1;
    }
    *index_slot(co, decl_key(co->locals[co->nlocals - 1].cursor)) = co->nlocals;
}

int analyse_local(const struct coro *co, CXCursor d) {
    enum CXCursorKind k = clang_getCursorKind(d);
    if (!co->nlocal_index || (k != CXCursor_VarDecl && k != CXCursor_ParmDecl))
        return -1;
    return (int)*index_slot(co, decl_key(d)) - 1;
}

static struct local *new_local(struct coro *co, CXCursor c) {
    struct local *l = VEC_PUSH(co->locals, co->nlocals, co->caplocals);
    memset(l, 0, sizeof *l);
    l->cursor = c;
    l->name = cursor_name(c);
    l->type = clang_getCursorType(c);
    l->node = -1;
    CXType canon = clang_getCanonicalType(l->type);
    l->is_array = canon.kind == CXType_ConstantArray ||
                  canon.kind == CXType_IncompleteArray ||
                  canon.kind == CXType_VariableArray;
    index_local(co);
    return l;
}

/* ------------------------------------------------------------------ */
/* The walk                                                            */
/* ------------------------------------------------------------------ */

struct walk {
    struct unit *u;
    struct coro *co;
    struct tree *t;
};

static void add_params(struct walk *w) {
    struct coro *co = w->co;
    int n = clang_Cursor_getNumArguments(co->def);
    for (int a = 0; a < n; a++) {
        CXCursor p = clang_Cursor_getArgument(co->def, (unsigned)a);
        struct local *l = new_local(co, p);
        l->is_param = 1;
        l->is_array = 0; /* an array parameter is a pointer */
        l->scope = 0;
        l->scope_begin = co->body_begin;
        l->scope_end = co->body_end;
        l->begin = l->end = co->body_begin;
        if (!source_offset(&w->u->src, clang_getCursorLocation(p),
                           &l->name_off))
            l->name_off = co->def_begin;
        if (!*l->name) {
            /* Unnamed (C23, or a GNU extension): the generated code names
               it, and the wrapper's head gets the name where it goes. */
            free(l->name);
            l->name = xasprintf("yc__p%d", a + 1);
            l->unnamed = 1;
        }
    }
    co->nparams = co->nlocals;
}

/* The scope of a local declared at node i: the compound statement that
   holds its declaration, or the for statement whose init clause does. */
static int scope_of(const struct tree *t, int i) {
    int p = t->n[i].parent;
    if (p >= 0 && t->n[p].kind == CXCursor_DeclStmt)
        p = t->n[p].parent;
    while (p > 0 && t->n[p].kind != CXCursor_CompoundStmt &&
           t->n[p].kind != CXCursor_ForStmt)
        p = t->n[p].parent;
    return p < 0 ? 0 : p;
}

static void add_local(struct walk *w, int i) {
    struct node *n = &w->t->n[i];
    struct local *l = new_local(w->co, n->c);
    l->node = i;
    enum CX_StorageClass sc = clang_Cursor_getStorageClass(n->c);
    l->is_static = sc == CX_SC_Static || sc == CX_SC_Extern;
    l->scope = scope_of(w->t, i);
    tree_range(w->t, l->scope, &l->scope_begin, &l->scope_end);
    if (!source_offset(&w->u->src, clang_getCursorLocation(n->c), &l->name_off))
        l->name_off = 0;
    l->cleanup = cursor_has_cleanup(n->c);
    l->aligned = cursor_has_aligned(n->c);
    unsigned b;
    if (!tree_range(w->t, i, &b, &l->end))
        b = l->end = l->name_off;
    l->begin = b;
    if (clang_getCanonicalType(l->type).kind == CXType_VariableArray)
        coro_fallback(w->co, b, "a variable-length array");
}

/* Marks the local whose storage `&` takes at node i (its operand): a
   variable, a member or element of one, a compound literal. Anything else
   (a dereference) takes no local's address. */
static void mark_address(struct walk *w, int i) {
    const struct tree *t = w->t;
    for (int guard = 0; i >= 0 && guard < 1000; guard++) {
        i = tree_strip(t, i);
        const struct node *n = &t->n[i];
        if (n->kind == CXCursor_DeclRefExpr) {
            int l = analyse_local(w->co, clang_getCursorReferenced(n->c));
            if (l >= 0)
                w->co->locals[l].addr_taken = 1;
            return;
        }
        if (n->kind == CXCursor_MemberRefExpr && n->nkids == 1) {
            /* s.f takes s's storage; p->f does not take p's. */
            CXType bt =
                clang_getCanonicalType(clang_getCursorType(t->n[n->first].c));
            if (bt.kind == CXType_Pointer)
                return;
            i = n->first;
        } else if (n->kind == CXCursor_ArraySubscriptExpr && n->nkids == 2) {
            i = n->first; /* a[i] of an array a: a is pinned anyway */
        } else {
            return;
        }
    }
}

/* `&x` has the type "pointer to the operand's type"; the other unary
   operators on a pointer (++p, -p of nothing) do not. libclang does not
   tell the operator, so the types do. */
static int is_address_of(const struct tree *t, int i) {
    const struct node *n = &t->n[i];
    if (n->nkids != 1)
        return 0;
    CXType r = clang_getCanonicalType(clang_getCursorType(n->c));
    if (r.kind != CXType_Pointer)
        return 0;
    CXType o = clang_getCanonicalType(clang_getCursorType(t->n[n->first].c));
    CXType p = clang_getCanonicalType(clang_getPointeeType(r));
    if (clang_equalTypes(p, o))
        return 1;
    /* A parameter declared as an array is a pointer: libclang gives its
       type as written (int[3]), &v is an int **. No other unary operator
       makes a pointer to a pointer of an array's elements. */
    CXType el = clang_getArrayElementType(o);
    return el.kind != CXType_Invalid && p.kind == CXType_Pointer &&
           clang_equalTypes(clang_getCanonicalType(clang_getPointeeType(p)),
                            clang_getCanonicalType(el));
}

/* Whether call node i is the operand of a YC_AWAIT, YC_SPAWN or YC_ASYNC
   marker, so that calling a coroutine there is right. */
static int is_marked_call(const struct tree *t, int i) {
    for (int p = t->n[i].parent; p >= 0; p = t->n[p].parent) {
        if (t->n[p].mark && t->n[p].operand == i)
            return 1;
        if (!clang_isExpression(t->n[p].kind))
            return 0;
    }
    return 0;
}

/* The C library calls that a state machine cannot express: they need the
   stack frame that a step function gives up at every suspension (a
   function that returns twice resumes a frame the step may have left; a
   long jump unwinds into one; alloca's memory is gone at the next step). */
static const char *stack_call(const char *name) {
    static const struct {
        const char *name, *why;
    } calls[] = {
        {"setjmp", "a call to setjmp, which returns twice"},
        /* The C library's macros call these: name what the user wrote. */
        {"_setjmp", "a call to setjmp, which returns twice"},
        {"__setjmp", "a call to setjmp, which returns twice"},
        {"sigsetjmp", "a call to sigsetjmp, which returns twice"},
        {"__sigsetjmp", "a call to sigsetjmp, which returns twice"},
        {"__builtin_setjmp", "a call to __builtin_setjmp, which returns twice"},
        {"getcontext", "a call to getcontext, which returns twice"},
        {"savectx", "a call to savectx, which returns twice"},
        {"vfork", "a call to vfork, which returns twice"},
        {"longjmp", "a call to longjmp, which unwinds C frames"},
        {"_longjmp", "a call to longjmp, which unwinds C frames"},
        {"siglongjmp", "a call to siglongjmp, which unwinds C frames"},
        {"__longjmp_chk", "a call to longjmp, which unwinds C frames"},
        {"__builtin_longjmp", "a call to __builtin_longjmp, which unwinds C "
                              "frames"},
        {"swapcontext", "a call to swapcontext, which switches stacks"},
        {"alloca", "alloca, whose memory a suspension would free"},
        {"__builtin_alloca", "alloca, whose memory a suspension would free"},
        {"__builtin_alloca_with_align",
         "alloca, whose memory a suspension would free"},
    };
    for (size_t i = 0; i < sizeof calls / sizeof calls[0]; i++)
        if (!strcmp(name, calls[i].name))
            return calls[i].why;
    return NULL;
}

/* Whether plain function fn runs the function it is given on a stack or
   a thread of its own, where a coroutine's wrapper suspends or runs a
   scheduler of its own. */
static int runs_on_own_stack(CXCursor fn) {
    static const char *const own_stack[] = {"yc_go", "pthread_create",
                                            "thrd_create"};
    for (size_t n = 0; n < sizeof own_stack / sizeof own_stack[0]; n++)
        if (cursor_named(fn, own_stack[n]))
            return 1;
    return 0;
}

/* Records the coroutines that call node i (of plain function fn) passes
   where fn takes a plain function pointer (a qsort comparator): a call
   through one from a state machine runs a nested scheduler (normalize
   warns once the lowering is known). */
static void note_plain_pointers(struct walk *w, int i, CXCursor fn) {
    const struct tree *t = w->t;
    unsigned k = 0;
    for (int a = t->n[t->n[i].first].next; a >= 0; a = t->n[a].next, k++) {
        int s = tree_strip(t, a);
        if (t->n[s].kind == CXCursor_UnaryOperator && t->n[s].nkids == 1)
            s = tree_strip(t, t->n[s].first); /* &f */
        CXCursor e = t->n[s].c;
        if (t->n[s].kind != CXCursor_DeclRefExpr)
            continue;
        CXCursor d = clang_getCursorReferenced(e);
        if (clang_getCursorKind(d) != CXCursor_FunctionDecl)
            continue; /* a variable: no USR to look up */
        struct corodecl *cd = find_coroutine(w->u, d);
        unsigned off;
        if (!cd || cursor_param_is_coroutine_pointer(fn, k) ||
            runs_on_own_stack(fn) ||
            !source_offset(&w->u->src, clang_getCursorLocation(e), &off))
            continue;
        struct reason *r = VEC_PUSH(w->co->plain_ptrs, w->co->nplain_ptrs,
                                    w->co->capplain_ptrs);
        r->what = cd->name;
        r->off = off;
    }
}

static void check_call(struct walk *w, int i) {
    struct unit *u = w->u;
    const struct tree *t = w->t;
    const struct node *n = &t->n[i];
    unsigned b, e;
    if (n->markcall)
        return;
    CXCursor callee = cursor_direct_callee(n->c);
    struct corodecl *cd = find_coroutine(u, callee);
    int ptr = !cd && n->nkids > 0 && clang_Cursor_isNull(callee) &&
              cursor_is_coroutine_pointer(t->n[n->first].c);
    if ((cd || ptr) && !is_marked_call(t, i) && tree_range(w->t, i, &b, &e)) {
        char *text = xstrndup(u->src.data + b, e - b);
        char *fix = xasprintf("YC_AWAIT(%s)", text);
        if (cd)
            diag_fixit(&u->src, b, e, fix, DIAG_ERROR,
                       "call of coroutine '%s' from a coroutine without "
                       "YC_AWAIT; write YC_AWAIT(...) to await it",
                       cd->name);
        else
            diag_fixit(&u->src, b, e, fix, DIAG_ERROR,
                       "call through a coroutine pointer from a coroutine "
                       "without YC_AWAIT; write YC_AWAIT(...) to await it");
        free(text);
        free(fix);
        return;
    }
    if (clang_getCursorKind(callee) != CXCursor_FunctionDecl)
        return;
    if (!cd)
        note_plain_pointers(w, i, callee);
    CXString s = clang_getCursorSpelling(callee);
    const char *why = stack_call(clang_getCString(s));
    clang_disposeString(s);
    unsigned off;
    if (why && source_offset(&u->src, clang_getCursorLocation(n->c), &off))
        coro_fallback(w->co, off, why);
}

/* Whether marker node i is evaluated: not in the operand of sizeof or
   _Alignof, nor in the controlling expression of _Generic. */
static int evaluated(const struct tree *t, int i) {
    for (int c = i, p = t->n[i].parent; p >= 0; c = p, p = t->n[p].parent) {
        if (t->n[p].kind == CXCursor_UnaryExpr)
            return 0;
        if (t->n[p].kind == CXCursor_GenericSelectionExpr && t->n[p].first == c)
            return 0;
        if (!clang_isExpression(t->n[p].kind))
            return 1;
    }
    return 1;
}

static void add_susp(struct walk *w, int i) {
    struct unit *u = w->u;
    struct coro *co = w->co;
    struct tree *t = w->t;
    struct node *n = &t->n[i];
    struct susp *s = VEC_PUSH(co->susps, co->nsusps, co->capsusps);
    memset(s, 0, sizeof *s);
    s->kind = n->mark;
    s->node = i;
    s->call = n->operand;
    s->unevaluated = !evaluated(t, i);
    tree_range(t, i, &s->begin, &s->end);
    unsigned e = source_macro_call_end(
        &u->src, s->begin, n->mark == MARK_AWAIT ? "YC_AWAIT" : "YC_YIELD");
    if (e)
        s->end = e;
    /* What of the full expression holding it runs after the resume. */
    s->clause_begin = s->begin;
    for (int p = n->parent; p >= 0 && clang_isExpression(t->n[p].kind);
         p = t->n[p].parent) {
        unsigned b, pe;
        if (tree_range(t, p, &b, &pe) && b < s->clause_begin)
            s->clause_begin = b;
    }
    if (n->mark != MARK_AWAIT)
        return;
    int call = s->call;
    const struct node *cn = call >= 0 ? &t->n[call] : NULL;
    CXCursor callee = cn ? cursor_direct_callee(cn->c) : clang_getNullCursor();
    int direct = !clang_Cursor_isNull(callee);
    if (direct)
        s->callee = find_coroutine(u, callee);
    unsigned ob = s->begin, oe;
    if (call >= 0)
        tree_range(t, call, &ob, &oe);
    if (direct && !s->callee) {
        char *name = cursor_name(callee);
        diag_at(&u->src, ob, DIAG_ERROR,
                "'%s' is not a coroutine and cannot be awaited; declare it "
                "YC_COROUTINE or call it without YC_AWAIT",
                name);
        free(name);
    } else if (!cn || cn->kind != CXCursor_CallExpr) {
        diag_at(&u->src, ob, DIAG_ERROR,
                "expression is not awaitable; YC_AWAIT expects a call of a "
                "coroutine");
    }
}

static void add_spawn(struct walk *w, int i) {
    struct unit *u = w->u;
    struct node *n = &w->t->n[i];
    unsigned b, e;
    if (n->operand < 0 || !tree_range(w->t, i, &b, &e))
        return;
    struct spawn *sp = VEC_PUSH(u->spawns, u->nspawns, u->capspawns);
    memset(sp, 0, sizeof *sp);
    sp->begin = b;
    sp->end = e;
    sp->is_async = n->mark == MARK_ASYNC;
    sp->call = w->t->n[n->operand].c;
    /* A marker's extent is cut short inside another macro's argument. */
    unsigned end = source_macro_call_end(
        &u->src, b, sp->is_async ? "YC_ASYNC" : "YC_SPAWN");
    if (end)
        sp->end = end;
    sp->in = w->co;
    sp->node = i;
    /* Written by a user macro: spelled out first, whatever the lowering
       (normalize); lowering reports it if that cannot be done. */
    int inv = find_invocation(u, b, 1);
    if (inv >= 0) {
        unit_request_expansion(u, u->macros[inv].begin);
        sp->in_macro = 1;
    }
    find_spawn_callee(u, sp);
}

static void visit(struct walk *w, int i) {
    struct coro *co = w->co;
    struct tree *t = w->t;
    struct node *n = &t->n[i];
    unsigned b, e;
    if (n->mark == MARK_AWAIT || n->mark == MARK_YIELD) {
        add_susp(w, i);
        return;
    }
    if (n->mark == MARK_SPAWN || n->mark == MARK_ASYNC) {
        add_spawn(w, i);
        return;
    }
    switch (n->kind) {
    case CXCursor_VarDecl:
        add_local(w, i);
        break;
    case CXCursor_DeclRefExpr: {
        int l = analyse_local(co, clang_getCursorReferenced(n->c));
        if (l >= 0) {
            struct ref *r = VEC_PUSH(co->refs, co->nrefs, co->caprefs);
            r->node = i;
            r->local = (unsigned)l;
        }
        break;
    }
    case CXCursor_UnaryOperator:
        if (is_address_of(t, i))
            mark_address(w, n->first);
        break;
    case CXCursor_CallExpr:
        check_call(w, i);
        break;
    case CXCursor_WhileStmt:
    case CXCursor_DoStmt:
    case CXCursor_ForStmt:
        if (tree_range(t, i, &b, &e)) {
            /* A for statement's init clause runs once: the loop's region
               starts after a declaration there. */
            unsigned fb, fe;
            int first = n->first;
            if (n->kind == CXCursor_ForStmt && first >= 0 &&
                t->n[first].kind == CXCursor_DeclStmt &&
                tree_range(t, first, &fb, &fe))
                b = fe;
            *VEC_PUSH(co->loops, co->nloops, co->caploops) = b;
            *VEC_PUSH(co->loops, co->nloops, co->caploops) = e;
        }
        break;
    case CXCursor_GotoStmt:
        co->has_goto = 1;
        break;
    case CXCursor_IndirectGotoStmt:
    case CXCursor_AddrLabelExpr:
        tree_range(t, i, &b, &e);
        coro_fallback(co, b,
                      n->kind == CXCursor_IndirectGotoStmt ? "a computed goto"
                                                           : "a label address");
        break;
    case CXCursor_FunctionDecl:
        if (i > 0 && clang_isCursorDefinition(n->c)) {
            tree_range(t, i, &b, &e);
            coro_fallback(co, b, "a nested function");
        }
        break;
    case CXCursor_StructDecl:
    case CXCursor_UnionDecl:
    case CXCursor_EnumDecl:
    case CXCursor_TypedefDecl:
        co->has_local_types = 1;
        break;
    default:
        break;
    }
}

/* The offset of a forced fallback's line and column in the current text. */
static unsigned forced_offset(const struct unit *u, const struct forced *f) {
    if (f->line == 0 || f->line > u->src.nlines)
        return 0;
    unsigned b = u->src.lines[f->line - 1], e = b;
    while (e < u->src.len && u->src.data[e] != '\n')
        e++;
    return b + f->col - 1 < e ? b + f->col - 1 : b;
}

static void walk_body(struct unit *u, struct coro *co) {
    struct walk w = {u, co, &co->tree};
    add_params(&w);
    for (unsigned i = 0; i < co->tree.len; i++)
        visit(&w, (int)i);
}

/* Whether await s names its callee as written, "NAME(", so that the
   lowering can call the callee's step function there instead. */
static int plain_name_call(struct unit *u, struct coro *co,
                           const struct susp *s) {
    struct tree *t = &co->tree;
    unsigned b, e;
    if (s->call < 0 || t->n[s->call].first < 0 ||
        !tree_range(t, t->n[s->call].first, &b, &e))
        return 0;
    size_t len = strlen(s->callee->name);
    if (e - b != len || memcmp(u->src.data + b, s->callee->name, len))
        return 0;
    while (e < s->end && (u->src.data[e] == ' ' || u->src.data[e] == '\t'))
        e++;
    unsigned ab[128], ae[128];
    return e < s->end && u->src.data[e] == '(' &&
           probe_args(co, s->call, ab, ae, 128) >= 0;
}

/* Whether await s can be a plain call: its callee, named as written, is
   taken to never suspend. */
static int call_of_direct(struct unit *u, struct coro *co,
                          const struct susp *s) {
    return s->kind == MARK_AWAIT && s->callee && s->callee->def &&
           s->callee->def->never_suspends && plain_name_call(u, co, s);
}

/* Coroutines of this file whose body can never suspend: state machines
   with no yield, whose every await is of such a coroutine (a greatest
   fixed point, so recursion is one). Awaiting one needs no frame: its
   step function runs as a plain call, at the speed of plain C. */
static void find_direct(struct unit *u) {
    for (unsigned ci = 0; ci < u->ncoros; ci++) {
        struct coro *co = &u->coros[ci];
        /* Parameters of 1 GiB and more: frame_decide may yet make it
           stackful (a frame of 2 GiB), which nothing else can once it
           cannot suspend. */
        long long params = 0;
        for (unsigned i = 0; i < co->nparams; i++) {
            long long s = clang_Type_getSizeOf(co->locals[i].type);
            params += s > 0 ? s : 0;
        }
        co->never_suspends = !co->stackful && !co->decl->as_written &&
                             !co->is_main && params < (1LL << 30);
    }
    for (int changed = 1; changed;) {
        changed = 0;
        for (unsigned ci = 0; ci < u->ncoros; ci++) {
            struct coro *co = &u->coros[ci];
            for (unsigned k = 0; k < co->nsusps && co->never_suspends; k++) {
                const struct susp *s = &co->susps[k];
                if (!s->unevaluated && !call_of_direct(u, co, s)) {
                    co->never_suspends = 0;
                    changed = 1;
                }
            }
        }
    }
    for (unsigned ci = 0; ci < u->ncoros; ci++) {
        struct coro *co = &u->coros[ci];
        for (unsigned k = 0; k < co->nsusps && !co->stackful; k++) {
            struct susp *s = &co->susps[k];
            s->direct = !s->unevaluated && call_of_direct(u, co, s);
        }
        /* One whose arguments suspend stays an await: the hoisting of
           what suspends inside it is the await's. */
        for (int changed = 1; changed;) {
            changed = 0;
            for (unsigned k = 0; k < co->nsusps; k++) {
                struct susp *s = &co->susps[k];
                for (unsigned j = 0; j < co->nsusps && s->direct; j++) {
                    const struct susp *in = &co->susps[j];
                    if (j != k && susp_counts(in) && in->begin >= s->begin &&
                        in->begin < s->end) {
                        s->direct = 0;
                        changed = 1;
                    }
                }
            }
        }
    }
}

int analyse_run(struct unit *u) {
    for (unsigned ci = 0; ci < u->ncoros; ci++) {
        struct coro *co = &u->coros[ci];
        walk_body(u, co);
        lowerable_definition(u, co);
        if (co->decl->as_written) {
            unsigned off = co->def_begin;
            source_offset(&u->src, clang_getCursorLocation(co->def), &off);
            coro_fallback(co, off,
                          co->decl->is_variadic
                              ? "its variable arguments ('...')"
                              : "a parameter of variably modified type, "
                                "whose size is evaluated on entry");
        }
    }
    if (diag_errors())
        return 1;
    for (unsigned ci = 0; ci < u->ncoros; ci++) {
        struct coro *co = &u->coros[ci];
        if (u->opt.stackful)
            coro_fallback(co, co->def_begin, "--stackful");
        for (unsigned k = 0; k < u->nforced; k++)
            if (!strcmp(u->forced[k].usr, co->decl->usr))
                coro_fallback(co, forced_offset(u, &u->forced[k]),
                              u->forced[k].what);
        if (!co->stackful)
            lowerable_check(u, co);
    }
    find_direct(u);
    for (unsigned ci = 0; ci < u->ncoros; ci++) {
        struct coro *co = &u->coros[ci];
        if (!co->stackful)
            frame_decide(u, co);
        if (co->never_suspends && co->stackful)
            diag_loc(clang_getCursorLocation(co->def), DIAG_ERROR,
                     "internal error: coroutine '%s' cannot suspend but "
                     "takes the stackful form",
                     co->name);
    }
    return diag_errors() != 0;
}

void analyse_print(const struct unit *u) {
    for (unsigned ci = 0; ci < u->ncoros; ci++) {
        const struct coro *co = &u->coros[ci];
        printf("coroutine %s: %s\n", co->name,
               co->stackful ? "stackful" : "state machine");
        for (unsigned s = 0; s < co->nsusps; s++) {
            const struct susp *sp = &co->susps[s];
            unsigned line, col;
            source_linecol(&u->src, sp->begin, &line, &col);
            printf("  suspend at %u:%u: %s%s%s\n", line, col,
                   sp->kind == MARK_YIELD ? "yield" : "await ",
                   sp->callee               ? sp->callee->name
                   : sp->kind == MARK_AWAIT ? "(pointer)"
                                            : "",
                   sp->unevaluated ? " (unevaluated)"
                   : sp->direct    ? " (a call: it never suspends)"
                                   : "");
            for (unsigned k = 0; k < sp->nspills; k++)
                printf("    keeps %s\n", co->locals[sp->spills[k]].name);
        }
        for (unsigned i = 0; i < co->nlocals; i++) {
            const struct local *l = &co->locals[i];
            printf("  %s %s: %s%s%s\n", l->is_param ? "param" : "local",
                   l->name,
                   l->pinned      ? "frame"
                   : l->spilled   ? "spilled"
                   : l->is_static ? "static"
                                  : "C local",
                   l->addr_taken ? ", address taken" : "",
                   l->is_array ? ", array" : "");
        }
    }
}
