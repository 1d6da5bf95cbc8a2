/* find.c - pass 2: find every coroutine declaration (main file and
   headers), every coroutine definition of the main file, and the uses of
   YC_AWAIT, YC_YIELD and YC_SPAWN outside coroutine bodies. */
#include "diag.h"
#include "pass.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Cursor helpers shared by the passes                                 */
/* ------------------------------------------------------------------ */

char *cursor_name(CXCursor c) {
    CXString s = clang_getCursorSpelling(c);
    char *name = xstrdup(clang_getCString(s));
    clang_disposeString(s);
    return name;
}

static enum CXChildVisitResult collect(CXCursor c, CXCursor parent,
                                       CXClientData data) {
    (void)parent;
    struct kids *k = data;
    *VEC_PUSH(k->c, k->n, k->cap) = c;
    return CXChildVisit_Continue;
}

struct kids cursor_kids(CXCursor c) {
    struct kids k = {0};
    clang_visitChildren(c, collect, &k);
    return k;
}

unsigned cursor_nchildren(CXCursor c) {
    struct kids k = cursor_kids(c);
    free(k.c);
    return k.n;
}

CXCursor cursor_child(CXCursor c, unsigned i) {
    struct kids k = cursor_kids(c);
    CXCursor r = i < k.n ? k.c[i] : clang_getNullCursor();
    free(k.c);
    return r;
}

int is_pointer_call(CXCursor call) {
    if (clang_getCursorKind(call) != CXCursor_CallExpr)
        return 0;
    CXCursor callee = strip_expr(cursor_child(call, 0));
    return !(clang_getCursorKind(callee) == CXCursor_DeclRefExpr &&
             clang_getCursorKind(clang_getCursorReferenced(callee)) ==
                 CXCursor_FunctionDecl);
}

CXCursor strip_expr(CXCursor c) {
    for (;;) {
        enum CXCursorKind k = clang_getCursorKind(c);
        if ((k != CXCursor_UnexposedExpr && k != CXCursor_ParenExpr) ||
            cursor_nchildren(c) != 1)
            return c;
        c = cursor_child(c, 0);
    }
}

int is_marker_call(CXCursor c, const char *name) {
    if (clang_getCursorKind(c) != CXCursor_CallExpr)
        return 0;
    char *n = cursor_name(c);
    int r = !strcmp(n, name);
    free(n);
    return r;
}

/* YC_AWAIT(e) expands to (yc__await_mark(), (e)): a comma operator whose
   left operand is the marker call. If c has that shape, returns the
   called function's name (to free) and sets *right to the right operand;
   otherwise returns NULL. Listing c's children is a libclang traversal,
   and find and analyse ask this of every binary operator, so the children
   are listed once and one answer serves every marker. */
static char *comma_call(CXCursor c, CXCursor *right) {
    if (clang_getCursorKind(c) != CXCursor_BinaryOperator)
        return NULL;
    struct kids k = cursor_kids(c);
    char *name = NULL;
    if (k.n == 2 && clang_getCursorKind(k.c[0]) == CXCursor_CallExpr) {
        name = cursor_name(k.c[0]);
        *right = k.c[1];
    }
    free(k.c);
    return name;
}

/* The awaited or spawned expression inside a marker's right operand. */
static CXCursor marker_strip(CXCursor right) {
    CXCursor e = strip_expr(right);
    if (clang_getCursorKind(e) == CXCursor_CStyleCastExpr) /* (void)(e) */
        e = strip_expr(cursor_child(e, cursor_nchildren(e) - 1));
    return e;
}

CXCursor marker_operand(CXCursor c, const char *marker) {
    CXCursor right = clang_getNullCursor();
    char *name = comma_call(c, &right);
    int match = name && !strcmp(name, marker);
    free(name);
    return match ? marker_strip(right) : clang_getNullCursor();
}

/* ------------------------------------------------------------------ */
/* Coroutine declarations                                              */
/* ------------------------------------------------------------------ */

int has_coroutine_attr(CXCursor c) {
    unsigned n = cursor_nchildren(c);
    for (unsigned i = 0; i < n; i++) {
        CXCursor ch = cursor_child(c, i);
        if (clang_getCursorKind(ch) == CXCursor_AnnotateAttr) {
            char *s = cursor_name(ch);
            int r = !strcmp(s, "yc_coroutine");
            free(s);
            if (r)
                return 1;
        }
    }
    return 0;
}

static char *usr_of(CXCursor c) {
    CXString s = clang_getCursorUSR(c);
    char *r = xstrdup(clang_getCString(s));
    clang_disposeString(s);
    return r;
}

/* FNV-1a: USRs of one file share long prefixes, so every byte counts. */
static unsigned usr_hash(const char *s) {
    unsigned h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* The slot of cdecl_slots that holds usr, or the free slot where it would
   go. The table is never full, so the probe ends. */
static unsigned *slot_of(const struct unit *u, const char *usr) {
    unsigned mask = u->ncdecl_slots - 1;
    for (unsigned h = usr_hash(usr) & mask;; h = (h + 1) & mask) {
        unsigned *s = &u->cdecl_slots[h];
        if (!*s || !strcmp(u->cdecls[*s - 1].usr, usr))
            return s;
    }
}

/* Makes room for the newest of cdecls in the table, growing and refilling
   it when it would be more than half full. */
static void index_decl(struct unit *u) {
    if (2 * u->ncdecls <= u->ncdecl_slots) {
        *slot_of(u, u->cdecls[u->ncdecls - 1].usr) = u->ncdecls;
        return;
    }
    unsigned n = u->ncdecl_slots ? 2 * u->ncdecl_slots : 64;
    while (2 * u->ncdecls > n)
        n *= 2;
    free(u->cdecl_slots);
    u->cdecl_slots = xcalloc(n, sizeof *u->cdecl_slots);
    u->ncdecl_slots = n;
    for (unsigned i = 0; i < u->ncdecls; i++)
        *slot_of(u, u->cdecls[i].usr) = i + 1;
}

/* Looks the function up by USR in a hash table: analyse asks for every
   call in every coroutine, and a file may declare thousands. */
struct corodecl *find_coroutine(struct unit *u, CXCursor fn) {
    if (clang_getCursorKind(fn) != CXCursor_FunctionDecl || !u->ncdecls)
        return NULL;
    char *usr = usr_of(fn);
    unsigned slot = *slot_of(u, usr);
    free(usr);
    return slot ? &u->cdecls[slot - 1] : NULL;
}

static int in_main_file(const struct unit *u, CXCursor c) {
    unsigned off;
    return source_offset(&u->src, clang_getCursorLocation(c), &off);
}

/* Records one top-level function declaration carrying YC_COROUTINE. */
static void add_decl(struct unit *u, CXCursor c) {
    struct corodecl *d = find_coroutine(u, c);
    if (!d) {
        d = VEC_PUSH(u->cdecls, u->ncdecls, u->capcdecls);
        memset(d, 0, sizeof *d);
        d->usr = usr_of(c);
        d->name = cursor_name(c);
        d->cursor = c;
        d->type = clang_getCursorType(c);
        d->is_static = clang_Cursor_getStorageClass(c) == CX_SC_Static;
        d->is_variadic = d->type.kind == CXType_FunctionProto &&
                         clang_isFunctionTypeVariadic(d->type);
        index_decl(u);
    }
}

static enum CXChildVisitResult visit_top(CXCursor c, CXCursor parent,
                                         CXClientData data) {
    (void)parent;
    struct unit *u = data;
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_FunctionDecl) {
        if (has_coroutine_attr(c) || find_coroutine(u, c))
            add_decl(u, c);
        if (clang_isCursorDefinition(c) && in_main_file(u, c) &&
            find_coroutine(u, c)) {
            struct coro *co = VEC_PUSH(u->coros, u->ncoros, u->capcoros);
            memset(co, 0, sizeof *co);
            co->def = c;
        }
    }
    return CXChildVisit_Continue;
}

/* The typedef chain of a type: a coroutine-pointer typedef may be named
   through further typedefs. */
static int type_is_coroutine(CXType t) {
    for (int guard = 0; guard < 16; guard++) {
        CXCursor d = clang_getTypeDeclaration(t);
        if (clang_getCursorKind(d) != CXCursor_TypedefDecl)
            return 0;
        if (has_coroutine_attr(d))
            return 1;
        t = clang_getTypedefDeclUnderlyingType(d);
    }
    return 0;
}

int is_coroutine_pointer(CXCursor callee) {
    for (int guard = 0; guard < 16; guard++) {
        enum CXCursorKind k = clang_getCursorKind(callee);
        if (type_is_coroutine(clang_getCursorType(callee)))
            return 1;
        if (k == CXCursor_DeclRefExpr || k == CXCursor_MemberRefExpr) {
            CXCursor d = clang_getCursorReferenced(callee);
            return (clang_getCursorKind(d) == CXCursor_VarDecl ||
                    clang_getCursorKind(d) == CXCursor_FieldDecl ||
                    clang_getCursorKind(d) == CXCursor_ParmDecl) &&
                   (has_coroutine_attr(d) ||
                    type_is_coroutine(clang_getCursorType(d)));
        }
        if ((k != CXCursor_UnexposedExpr && k != CXCursor_ParenExpr &&
             k != CXCursor_UnaryOperator) ||
            cursor_nchildren(callee) != 1)
            return 0;
        callee = cursor_child(callee, 0);
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Uses outside coroutines, reserved names                             */
/* ------------------------------------------------------------------ */

/* find_coro_at is asked for every cursor of the file, so it binary-searches
   the definitions when their ranges allow it; otherwise it scans them. */
struct coro *find_coro_at(const struct unit *u, unsigned off) {
    if (!u->coros_disjoint) {
        for (unsigned i = 0; i < u->ncoros; i++)
            if (off >= u->coros[i].def_begin && off < u->coros[i].def_end)
                return &u->coros[i];
        return NULL;
    }
    unsigned lo = 0, hi = u->ncoros; /* the first definition after off */
    while (lo < hi) {
        unsigned mid = lo + (hi - lo) / 2;
        if (u->coros[mid].def_begin <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo && off < u->coros[lo - 1].def_end)
        return &u->coros[lo - 1];
    return NULL;
}

/* Whether the definitions' ranges are in order and apart, each holding its
   body. Only a macro that expands to several definitions breaks this. */
static int coros_disjoint(const struct unit *u) {
    for (unsigned i = 0; i < u->ncoros; i++) {
        const struct coro *co = &u->coros[i];
        if (co->body_begin < co->def_begin || co->body_end > co->def_end ||
            co->body_begin > co->body_end ||
            (i && u->coros[i - 1].def_end > co->def_begin))
            return 0;
    }
    return 1;
}

static int is_decl_kind(enum CXCursorKind k) {
    return k == CXCursor_VarDecl || k == CXCursor_ParmDecl ||
           k == CXCursor_FunctionDecl || k == CXCursor_FieldDecl ||
           k == CXCursor_TypedefDecl || k == CXCursor_StructDecl ||
           k == CXCursor_UnionDecl || k == CXCursor_EnumDecl ||
           k == CXCursor_EnumConstantDecl || k == CXCursor_LabelStmt ||
           k == CXCursor_MacroDefinition;
}

static enum CXChildVisitResult visit_uses(CXCursor c, CXCursor parent,
                                          CXClientData data) {
    (void)parent;
    struct unit *u = data;
    enum CXCursorKind k = clang_getCursorKind(c);
    unsigned b, e;
    if (is_decl_kind(k) && in_main_file(u, c)) {
        char *name = cursor_name(c);
        if (!strncmp(name, "yc__", 4)) {
            unsigned off;
            source_offset(&u->src, clang_getCursorLocation(c), &off);
            diag_at(&u->src, off, DIAG_ERROR,
                    "identifier '%s' uses the prefix 'yc__' reserved for "
                    "code generated by yieldc",
                    name);
        }
        free(name);
    }
    /* The markers below are a comma operator or a call. Mapping a cursor's
       extent to the file is costly (libclang walks the macro expansions),
       so it is done only for those two kinds, not for every cursor. */
    if (k != CXCursor_BinaryOperator && k != CXCursor_CallExpr)
        return CXChildVisit_Recurse;
    if (!source_range(&u->src, c, &b, &e))
        return CXChildVisit_Recurse;
    const struct coro *in = find_coro_at(u, b);
    CXCursor right = clang_getNullCursor();
    char *marker = comma_call(c, &right);
    int is_spawn = marker && !strcmp(marker, "yc__spawn_mark");
    int is_async = marker && !strcmp(marker, "yc__async_mark");
    int is_await = marker && !strcmp(marker, "yc__await_mark");
    free(marker);
    CXCursor spawned =
        is_spawn || is_async ? marker_strip(right) : clang_getNullCursor();
    if (!clang_Cursor_isNull(spawned)) {
        const char *macro = is_async ? "YC_ASYNC" : "YC_SPAWN";
        struct spawn *sp = VEC_PUSH(u->spawns, u->nspawns, u->capspawns);
        memset(sp, 0, sizeof *sp);
        sp->begin = b;
        sp->is_async = is_async;
        sp->end = source_macro_call_end(&u->src, b, macro);
        if (!sp->end) {
            diag_at(&u->src, b, DIAG_ERROR,
                    "%s inside the body of another macro is not supported "
                    "yet; expand the macro by hand",
                    macro);
            sp->end = e;
        }
        sp->call = spawned;
        sp->in = (struct coro *)in;
        return CXChildVisit_Recurse;
    }
    if (in)
        return CXChildVisit_Recurse; /* analyse checks coroutine bodies */
    if (is_await && !clang_Cursor_isNull(marker_strip(right)))
        diag_at(&u->src, b, DIAG_ERROR,
                "YC_AWAIT outside a coroutine; mark the enclosing function "
                "YC_COROUTINE, or call the coroutine without YC_AWAIT to run "
                "it to completion");
    else if (is_marker_call(c, "yc__yield_mark"))
        diag_at(&u->src, b, DIAG_ERROR,
                "YC_YIELD outside a coroutine; mark the enclosing function "
                "YC_COROUTINE");
    return CXChildVisit_Recurse;
}

int find_run(struct unit *u) {
    CXCursor tu = clang_getTranslationUnitCursor(u->tu);
    clang_visitChildren(tu, visit_top, u);
    for (unsigned i = 0; i < u->ncoros; i++) {
        struct coro *co = &u->coros[i];
        co->decl = find_coroutine(u, co->def);
        co->decl->defined = 1;
        co->name = co->decl->name;
        co->is_main = !strcmp(co->name, "main");
        co->ret = clang_getCursorResultType(co->def);
        co->is_void = co->ret.kind == CXType_Void;
        source_range(&u->src, co->def, &co->def_begin, &co->def_end);
        unsigned n = cursor_nchildren(co->def);
        CXCursor body = cursor_child(co->def, n - 1);
        source_range(&u->src, body, &co->body_begin, &co->body_end);
    }
    u->coros_disjoint = coros_disjoint(u);
    clang_visitChildren(tu, visit_uses, u);
    for (unsigned i = 0; i < u->nspawns; i++) {
        struct spawn *sp = &u->spawns[i];
        int ptr = is_pointer_call(sp->call);
        if (!ptr && clang_getCursorKind(sp->call) == CXCursor_CallExpr)
            sp->callee =
                find_coroutine(u, clang_getCursorReferenced(sp->call));
        /* A call through a function pointer goes through the wrapper's
           await request, like an await (lower_spawn). */
        if (!sp->callee && !ptr)
            diag_at(&u->src, sp->begin, DIAG_ERROR,
                    "%s expects a call of a coroutine",
                    sp->is_async ? "YC_ASYNC" : "YC_SPAWN");
    }
    return diag_errors() != 0;
}

void find_print(const struct unit *u) {
    for (unsigned i = 0; i < u->ncdecls; i++) {
        const struct corodecl *d = &u->cdecls[i];
        printf("coroutine %s%s%s\n", d->name, d->defined ? " defined" : "",
               d->is_static ? " static" : "");
    }
}
