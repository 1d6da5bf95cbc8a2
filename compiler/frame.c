/* frame.c - what lives in a state-machine coroutine's frame (see
   frame.h). */
#include "frame.h"

#include "cleanup.h"
#include "cursor.h"
#include "decl.h"
#include "find.h"
#include "lowerable.h"
#include "macro.h"
#include "probe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Liveness                                                            */
/* ------------------------------------------------------------------ */

/* The positions of each local's references, in file order. */
struct uses {
    unsigned *pos;   /* every reference's offset, grouped by local */
    unsigned *first; /* first[l] .. first[l + 1]: local l's references */
};

static void uses_build(struct coro *co, struct uses *us) {
    us->first = xcalloc(co->nlocals + 1, sizeof *us->first);
    us->pos = xcalloc(co->nrefs + 1, sizeof *us->pos);
    for (unsigned r = 0; r < co->nrefs; r++)
        us->first[co->refs[r].local + 1]++;
    for (unsigned l = 0; l < co->nlocals; l++)
        us->first[l + 1] += us->first[l];
    unsigned *fill = xcalloc(co->nlocals + 1, sizeof *fill);
    for (unsigned r = 0; r < co->nrefs; r++) {
        unsigned l = co->refs[r].local, b, e;
        if (!tree_range(&co->tree, co->refs[r].node, &b, &e))
            b = 0;
        us->pos[us->first[l] + fill[l]++] = b;
    }
    free(fill);
    /* Preorder is file order except where a macro reorders: sort. */
    for (unsigned l = 0; l < co->nlocals; l++) {
        unsigned *p = us->pos + us->first[l],
                 n = us->first[l + 1] - us->first[l];
        for (unsigned i = 1; i < n; i++)
            for (unsigned j = i; j > 0 && p[j - 1] > p[j]; j--) {
                unsigned x = p[j];
                p[j] = p[j - 1];
                p[j - 1] = x;
            }
    }
}

/* Whether local l has a reference in [b, e), skipping [skip_b, skip_e). */
static int used_in(const struct uses *us, unsigned l, unsigned b, unsigned e,
                   unsigned skip_b, unsigned skip_e) {
    const unsigned *p = us->pos + us->first[l];
    unsigned lo = 0, hi = us->first[l + 1] - us->first[l], n = hi;
    while (lo < hi) {
        unsigned mid = lo + (hi - lo) / 2;
        if (p[mid] < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < n && p[lo] < e; lo++)
        if (p[lo] < skip_b || p[lo] >= skip_e)
            return 1;
    return 0;
}

/* Whether local l's value may be needed after suspension point s: it is
   named after the start of s's full expression in its scope (the rest of
   that expression runs after the resume), except in the awaited call's own
   arguments, which run before; or s lies in a loop that began after the
   local's declaration and names it (the back edge carries the value
   around). A name counts as a use even where it is only assigned. */
static int live_after(const struct coro *co, const struct uses *us, unsigned li,
                      const struct susp *s) {
    const struct local *l = &co->locals[li];
    if (used_in(us, li, s->clause_begin, l->scope_end, s->begin, s->end))
        return 1;
    for (unsigned k = 0; k + 1 < co->nloops; k += 2) {
        unsigned lb = co->loops[k], le = co->loops[k + 1];
        if (lb >= l->end && s->begin >= lb && s->end <= le &&
            used_in(us, li, lb, le, 0, 0))
            return 1;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Decisions                                                           */
/* ------------------------------------------------------------------ */

/* Whether a suspension point that counts lies in [b, e). */
int frame_suspends_in(const struct coro *co, unsigned b, unsigned e) {
    for (unsigned i = 0; i < co->nsusps; i++)
        if (susp_counts(&co->susps[i]) && co->susps[i].begin >= b &&
            co->susps[i].begin < e)
            return 1;
    return 0;
}

static int no_assign(CXType t) {
    return clang_isConstQualifiedType(t) || decl_has_const_member(t);
}

/* Whether a local named like l is declared in a scope nested in l's and
   before offset off: l's own name then means that one at off. */
static int shadowed_at(const struct coro *co, unsigned li, unsigned off) {
    const struct local *l = &co->locals[li];
    for (unsigned i = 0; i < co->nlocals; i++) {
        const struct local *o = &co->locals[i];
        if (i == li || strcmp(o->name, l->name) || o->is_param)
            continue;
        if (o->scope_begin >= l->scope_begin && o->scope_end <= l->scope_end &&
            o->scope != l->scope && o->name_off < off &&
            off >= o->scope_begin && off < o->scope_end)
            return 1;
    }
    return 0;
}

/* Whether local li must keep its value across suspension point sp, which
   counts from offset `from` on: not in the local's own initializer (the
   local is being initialized there), and live after sp. */
static int lives_across(const struct coro *co, const struct uses *us,
                        unsigned li, const struct susp *sp, unsigned from) {
    const struct local *l = &co->locals[li];
    if (!susp_counts(sp) || sp->begin < from || sp->begin >= l->scope_end)
        return 0;
    if (!l->is_param && sp->begin >= l->begin && sp->begin < l->end)
        return 0;
    return co->has_goto || live_after(co, us, li, sp);
}

static void decide_local(struct unit *u, struct coro *co, const struct uses *us,
                         unsigned li) {
    struct local *l = &co->locals[li];
    if (l->is_static)
        return;
    int unnamed = 0;
    l->local_type = cursor_type_is_local(&u->src, co->body_begin, co->body_end,
                                         l->type, &unnamed);
    int suspends = frame_suspends_in(co, l->scope_begin, l->scope_end);
    /* The lowering calls a cleanup local's function with its slot. */
    int cleanup = l->cleanup && co->cleanups;
    if (!suspends && !cleanup)
        return;
    if (suspends && cursor_variably_modified(l->type)) {
        coro_fallback(co, l->name_off,
                      "a variably modified type in a scope that suspends");
        return;
    }
    int pin = cleanup || l->addr_taken || l->is_array ||
              (no_assign(l->type) && !l->is_param) ||
              (l->is_param && decl_has_const_member(l->type));
    /* From where a suspension can reach the local's value: with a goto (or
       a pointer, for a pinned one), anywhere in its scope. */
    unsigned from = pin || co->has_goto ? l->scope_begin : l->end;
    for (unsigned s = 0; s < co->nsusps && !pin; s++) {
        struct susp *sp = &co->susps[s];
        if (!lives_across(co, us, li, sp, from))
            continue;
        /* A local that cannot be named where it must be saved - shadowed,
           or declared later (a goto comes back) - lives in the frame. */
        if (shadowed_at(co, li, sp->begin) || sp->begin < l->begin)
            pin = 1;
    }
    if (pin) {
        l->pinned = 1;
        if (unnamed) {
            coro_fallback(co, l->name_off,
                          "a local of an unnamed type that lives in the "
                          "frame");
            return;
        }
        long long align = clang_Type_getAlignOf(l->type);
        if (l->aligned || align > 16)
            coro_fallback(co, l->name_off,
                          "an over-aligned local that lives in the frame");
        return;
    }
    for (unsigned s = 0; s < co->nsusps; s++) {
        struct susp *sp = &co->susps[s];
        if (!lives_across(co, us, li, sp, from))
            continue;
        *VEC_PUSH(sp->spills, sp->nspills, sp->capspills) = li;
        l->spilled = 1;
    }
}

/* The body renames a pinned local: each reference must be its spelled
   name, outside an argument that a macro stringifies or pastes. */
static void check_refs(struct unit *u, struct coro *co) {
    for (unsigned r = 0; r < co->nrefs; r++) {
        const struct local *l = &co->locals[co->refs[r].local];
        unsigned b, e;
        if (!l->pinned)
            continue;
        if (!tree_range(&co->tree, co->refs[r].node, &b, &e)) {
            coro_fallback(co, l->name_off,
                          "a local named outside the main file");
            continue;
        }
        int inv = find_invocation(u, b, 0);
        if (!source_is(&u->src, b, e, l->name) ||
            (inv >= 0 && macro_arg_unsafe(u, inv, b)))
            lowerable_need(u, co, b, "a macro that names a frame local");
    }
}

/* The declaration of a pinned local becomes its initialization: the
   declaration statement must be spelled, and so must its declarators. */
static void check_decls(struct unit *u, struct coro *co) {
    const struct tree *t = &co->tree;
    for (unsigned i = co->nparams; i < co->nlocals; i++) {
        const struct local *l = &co->locals[i];
        if (!l->pinned)
            continue;
        int ds = t->n[l->node].parent;
        if (ds < 0 || t->n[ds].kind != CXCursor_DeclStmt)
            continue;
        if (!lowerable_node(u, co, ds, 0))
            continue;
        if (!source_is(&u->src, l->name_off,
                       l->name_off + (unsigned)strlen(l->name), l->name))
            lowerable_need(u, co, l->name_off, "a declaration from a macro");
        /* The statement is split at its commas: a declarator in a macro's
           arguments hides them (DECL2(a, b)). */
        for (int c = t->n[ds].first; c >= 0; c = t->n[c].next) {
            unsigned off;
            if (t->n[c].kind == CXCursor_VarDecl &&
                source_offset(&u->src, clang_getCursorLocation(t->n[c].c),
                              &off) &&
                find_invocation(u, off, 0) >= 0)
                lowerable_need(u, co, off, "a declaration from a macro");
        }
    }
}

/* A compound literal whose storage is used - an array, which decays to a
   pointer, or one whose address or member is taken - lives until its block
   ends, so one in a block that suspends moves into the frame. */
static void decide_literals(struct unit *u, struct coro *co) {
    const struct tree *t = &co->tree;
    for (unsigned i = 0; i < t->len; i++) {
        const struct node *n = &t->n[i];
        if (n->kind != CXCursor_CompoundLiteralExpr)
            continue;
        int block = -1, is_static = 0, stored = 0;
        for (int p = n->parent; p >= 0; p = t->n[p].parent) {
            if (t->n[p].kind == CXCursor_VarDecl &&
                clang_Cursor_getStorageClass(t->n[p].c) == CX_SC_Static)
                is_static = 1;
            if (t->n[p].kind == CXCursor_CompoundStmt && block < 0)
                block = p;
        }
        CXType lt = clang_getCanonicalType(clang_getCursorType(n->c));
        stored = lt.kind == CXType_ConstantArray ||
                 lt.kind == CXType_IncompleteArray;
        int p = n->parent;
        while (p >= 0 && (t->n[p].kind == CXCursor_ParenExpr ||
                          t->n[p].kind == CXCursor_UnexposedExpr))
            p = t->n[p].parent;
        if (p >= 0 &&
            (t->n[p].kind == CXCursor_MemberRefExpr ||
             (t->n[p].kind == CXCursor_UnaryOperator && t->n[p].nkids == 1 &&
              clang_getCanonicalType(clang_getCursorType(t->n[p].c)).kind ==
                  CXType_Pointer)))
            stored = 1;
        unsigned bb, be;
        if (is_static || !stored || block < 0 ||
            !tree_range((struct tree *)t, block, &bb, &be) ||
            !frame_suspends_in(co, bb, be))
            continue;
        int unnamed;
        if (cursor_type_is_local(&u->src, co->body_begin, co->body_end,
                                 clang_getCursorType(n->c), &unnamed)) {
            unsigned b, e;
            tree_range((struct tree *)t, (int)i, &b, &e);
            coro_fallback(co, b,
                          "a compound literal of a local type that lives in "
                          "the frame");
            continue;
        }
        if (!lowerable_node(u, co, (int)i, 1))
            continue;
        struct complit *cl = VEC_PUSH(co->lits, co->nlits, co->caplits);
        cl->node = (int)i;
        cl->type = clang_getCursorType(n->c);
        cl->field = xasprintf("yc__cl%u", co->nlits);
    }
}

/* Gives every slot a field name, unique in the frame, and checks the
   frame's size: the header records it in 32 bits. */
static void name_slots(struct coro *co) {
    long long size = 64;
    unsigned at = co->def_begin;
    for (unsigned i = 0; i < co->nlocals; i++) {
        struct local *l = &co->locals[i];
        if (!l->pinned && !l->spilled && !l->is_param)
            continue;
        int clash = 0;
        for (unsigned j = 0; j < i && !clash; j++)
            clash =
                co->locals[j].field && !strcmp(co->locals[j].field, l->name);
        l->field =
            clash ? xasprintf("yc__%s_%u", l->name, i) : xstrdup(l->name);
        long long s = clang_Type_getSizeOf(l->type);
        size += s > 0 ? s : 0;
        if (size >= 0x7fffffffLL && at == co->def_begin)
            at = l->name_off;
    }
    for (unsigned i = 0; i < co->nlits; i++) {
        long long s = clang_Type_getSizeOf(co->lits[i].type);
        size += s > 0 ? s : 0;
    }
    co->frame_size = size;
    if (size >= 0x7fffffffLL)
        coro_fallback(co, at, "a frame of 2 GiB or more");
}

void frame_decide(struct unit *u, struct coro *co) {
    struct uses us;
    uses_build(co, &us);
    cleanup_decide(u, co);
    for (unsigned i = 0; i < co->nlocals && !co->stackful; i++)
        decide_local(u, co, &us, i);
    free(us.pos);
    free(us.first);
    if (co->stackful)
        return;
    check_refs(u, co);
    check_decls(u, co);
    decide_literals(u, co);
    name_slots(co);
}

/* ------------------------------------------------------------------ */
/* Emitting                                                            */
/* ------------------------------------------------------------------ */

/* Whether local l's slot is bytes rather than its own type. */
static int bytes_slot(const struct local *l) { return l->local_type; }

static void field(const struct frame_visit *v, const char *what,
                  const char *name, const char *field, CXType t, int bytes,
                  int is_int, int pinned) {
    struct slot s = {SLOT_FIELD, what, name, field, t, bytes, is_int, pinned};
    v->fn(v->ctx, &s);
}

static void group(const struct frame_visit *v, enum slot_kind k,
                  const char *tag) {
    struct slot s = {k, NULL, NULL, tag, {CXType_Invalid, {0, 0}}, 0, 0, 0};
    v->fn(v->ctx, &s);
}

static int scope_has_slots(const struct coro *co, int scope) {
    const struct tree *t = &co->tree;
    for (unsigned i = co->nparams; i < co->nlocals; i++) {
        const struct local *l = &co->locals[i];
        if ((l->pinned || l->spilled) && l->scope >= scope &&
            (unsigned)l->scope < t->n[scope].desc_end)
            return 1;
    }
    return 0;
}

/* The child scopes of node `scope`: scope nodes whose nearest enclosing
   scope it is. */
static int is_child_scope(const struct tree *t, int scope, unsigned n) {
    if (t->n[n].kind != CXCursor_CompoundStmt &&
        t->n[n].kind != CXCursor_ForStmt)
        return 0;
    int p = t->n[n].parent;
    while (p > scope && t->n[p].kind != CXCursor_CompoundStmt &&
           t->n[p].kind != CXCursor_ForStmt)
        p = t->n[p].parent;
    return p == scope;
}

/* The slots of the locals whose scope is node `scope`, then, in a union,
   one struct per child scope that has slots. */
static void walk_scope(const struct coro *co, int scope,
                       const struct frame_visit *v) {
    for (unsigned i = co->nparams; i < co->nlocals; i++) {
        const struct local *l = &co->locals[i];
        if (l->scope == scope && (l->pinned || l->spilled))
            field(v, "local", l->name, l->field, l->type, bytes_slot(l), 0,
                  l->pinned);
    }
    const struct tree *t = &co->tree;
    unsigned nkids = 0;
    for (unsigned n = (unsigned)scope + 1; n < t->n[scope].desc_end; n++)
        nkids += is_child_scope(t, scope, n) && scope_has_slots(co, (int)n);
    if (nkids > 1)
        group(v, SLOT_UNION, NULL);
    for (unsigned n = (unsigned)scope + 1; n < t->n[scope].desc_end; n++) {
        if (!is_child_scope(t, scope, n) || !scope_has_slots(co, (int)n))
            continue;
        if (nkids > 1)
            group(v, SLOT_STRUCT, NULL);
        walk_scope(co, (int)n, v);
        if (nkids > 1)
            group(v, SLOT_END, NULL);
    }
    if (nkids > 1)
        group(v, SLOT_END, NULL);
}

/* Whether anything besides the arguments has a slot. */
static int has_body_slots(const struct coro *co) {
    for (unsigned i = 0; i < co->nlocals; i++)
        if (co->locals[i].pinned || co->locals[i].spilled)
            return 1;
    for (unsigned i = 0; i < co->ntemps; i++)
        if (co->temps[i].spilled)
            return 1;
    return co->nlits > 0;
}

void frame_walk(const struct coro *co, const struct frame_visit *v) {
    int body = has_body_slots(co);
    /* The arguments are read at the start, before anything is saved: they
       share memory with the rest. */
    if (co->nparams && body)
        group(v, SLOT_UNION, NULL);
    if (co->nparams) {
        group(v, SLOT_STRUCT, "yc__a");
        for (unsigned i = 0; i < co->nparams; i++) {
            const struct local *l = &co->locals[i];
            field(v, "argument", l->name, l->name, l->type, 0, 0, 0);
        }
        group(v, SLOT_END, "yc__a");
    }
    if (!body)
        return;
    if (co->nparams)
        group(v, SLOT_STRUCT, NULL);
    for (unsigned i = 0; i < co->nparams; i++) {
        const struct local *l = &co->locals[i];
        if (l->pinned || l->spilled)
            field(v, "param", l->name, l->field, l->type, bytes_slot(l), 0,
                  l->pinned);
    }
    if (co->tree.len)
        walk_scope(co, 0, v);
    for (unsigned i = 0; i < co->ntemps; i++) {
        const struct temp *t = &co->temps[i];
        char name[32];
        if (!t->spilled)
            continue;
        snprintf(name, sizeof name, "yc__t%u", i + 1);
        field(v, "temp", name, name, t->type, t->local_type, t->is_int, 0);
    }
    for (unsigned i = 0; i < co->nlits; i++)
        field(v, "literal", co->lits[i].field, co->lits[i].field,
              co->lits[i].type, 0, 0, 1);
    if (co->nparams) {
        group(v, SLOT_END, NULL);
        group(v, SLOT_END, NULL); /* the union */
    }
}

/* frame_emit's visitor: C declarations. */
static void emit_slot(void *ctx, const struct slot *s) {
    struct buf *b = ctx;
    const char *why;
    switch (s->kind) {
    case SLOT_UNION:
        buf_puts(b, " union {");
        break;
    case SLOT_STRUCT:
        buf_puts(b, " struct {");
        break;
    case SLOT_END:
        buf_printf(b, " }%s%s;", s->field ? " " : "", s->field ? s->field : "");
        break;
    case SLOT_FIELD:
        buf_putc(b, ' ');
        if (s->is_int)
            buf_printf(b, "int %s;", s->field);
        else if (s->bytes)
            buf_printf(b, "_Alignas(%lld) unsigned char %s[%lld];",
                       clang_Type_getAlignOf(s->type), s->field,
                       clang_Type_getSizeOf(s->type));
        else if (decl_format(s->type, s->field,
                             DECL_STRIP_CONST |
                                 (!strcmp(s->what, "argument") ||
                                          !strcmp(s->what, "param")
                                      ? DECL_DECAY
                                      : 0),
                             b, &why) == 0)
            buf_putc(b, ';');
        break;
    }
}

void frame_emit(struct unit *u, const struct coro *co, struct buf *b) {
    (void)u;
    const char *n = co->name;
    buf_printf(b, "struct yc__%s_frame { struct yc__%s_res yc__res;", n, n);
    struct frame_visit v = {emit_slot, b};
    frame_walk(co, &v);
    buf_puts(b, " };\n");
}

void frame_name(const struct local *l, struct buf *b) {
    if (!bytes_slot(l)) {
        buf_printf(b, "yc__f->%s", l->field);
        return;
    }
    const char *why;
    CXType c = clang_getCanonicalType(l->type);
    int array =
        c.kind == CXType_ConstantArray || c.kind == CXType_IncompleteArray;
    buf_puts(b, "(*(");
    decl_format(l->type, array ? "(*)" : "*", 0, b, &why);
    buf_printf(b, ")yc__f->%s)", l->field);
}

void frame_spill_local(const struct local *l, int save, struct buf *b) {
    if (!bytes_slot(l) && !no_assign(l->type)) {
        if (save)
            buf_printf(b, "yc__f->%s = %s; ", l->field, l->name);
        else
            buf_printf(b, "%s = yc__f->%s; ", l->name, l->field);
    } else if (save) {
        buf_printf(b, "YC__MEMCPY(&yc__f->%s, &%s, sizeof %s); ", l->field,
                   l->name, l->name);
    } else {
        buf_printf(b, "YC__MEMCPY(&%s, &yc__f->%s, sizeof %s); ", l->name,
                   l->field, l->name);
    }
}

void frame_spill_temp(const struct temp *t, unsigned index, int save,
                      struct buf *b) {
    const char *dst = save ? "yc__f->" : "", *src = save ? "" : "yc__f->";
    if (t->is_int || (!t->local_type && !decl_has_const_member(t->type)))
        buf_printf(b, "%syc__t%u = %syc__t%u; ", dst, index, src, index);
    else
        buf_printf(b, "YC__MEMCPY(&%syc__t%u, &%syc__t%u, sizeof yc__t%u); ",
                   dst, index, src, index, index);
}
