/* find.c - pass 2: coroutine declarations and definitions, macro
   invocations, and yieldc's markers outside coroutine bodies. */
#include "find.h"

#include "cursor.h"
#include "diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Coroutine declarations, by USR                                      */
/* ------------------------------------------------------------------ */

/* FNV-1a: USRs of one file share long prefixes, so every byte counts. */
static unsigned usr_hash(const char *s) {
    unsigned h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* The slot of cdecl_slots that holds usr, or the free slot where it would
   go. The table is at most half full, so the probe ends. */
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

static struct corodecl *lookup(const struct unit *u, const char *usr) {
    if (!u->ncdecls)
        return NULL;
    unsigned slot = *slot_of(u, usr);
    return slot ? &u->cdecls[slot - 1] : NULL;
}

struct corodecl *find_coroutine(struct unit *u, CXCursor fn) {
    if (clang_getCursorKind(fn) != CXCursor_FunctionDecl || !u->ncdecls)
        return NULL;
    char *usr = cursor_usr(fn);
    struct corodecl *d = lookup(u, usr);
    free(usr);
    return d;
}

/* ------------------------------------------------------------------ */
/* The top level                                                       */
/* ------------------------------------------------------------------ */

static int in_main_file(const struct unit *u, CXCursor c) {
    unsigned off;
    return source_offset(&u->src, clang_getCursorLocation(c), &off);
}

/* Whether a declaration carries YC_COROUTINE itself: clang copies the
   annotation onto later declarations of the function, where it still has
   the location of the declaration that wrote it. */
struct own_search {
    CXSourceRange decl;
    int found;
};

static int loc_before(CXSourceLocation a, CXSourceLocation b) {
    CXFile fa, fb;
    unsigned oa, ob;
    clang_getFileLocation(a, &fa, NULL, NULL, &oa);
    clang_getFileLocation(b, &fb, NULL, NULL, &ob);
    return fa && fb && clang_File_isEqual(fa, fb) && oa <= ob;
}

static enum CXChildVisitResult find_own(CXCursor c, CXCursor parent,
                                        CXClientData data) {
    (void)parent;
    struct own_search *s = data;
    if (clang_getCursorKind(c) == CXCursor_AnnotateAttr &&
        cursor_named(c, "yc_coroutine")) {
        CXSourceLocation l = clang_getCursorLocation(c);
        if (loc_before(clang_getRangeStart(s->decl), l) &&
            loc_before(l, clang_getRangeEnd(s->decl))) {
            s->found = 1;
            return CXChildVisit_Break;
        }
    }
    return CXChildVisit_Continue;
}

static int own_annotation(CXCursor c) {
    struct own_search s = {clang_getCursorExtent(c), 0};
    clang_visitChildren(c, find_own, &s);
    return s.found;
}

static void add_decl(struct unit *u, CXCursor c) {
    char *usr = cursor_usr(c);
    if (lookup(u, usr)) {
        free(usr);
        return;
    }
    struct corodecl *d = VEC_PUSH(u->cdecls, u->ncdecls, u->capcdecls);
    memset(d, 0, sizeof *d);
    d->usr = usr;
    d->name = cursor_name(c);
    d->cursor = c;
    d->type = clang_getCursorType(c);
    d->is_static = clang_Cursor_getStorageClass(c) == CX_SC_Static;
    d->is_variadic = d->type.kind == CXType_FunctionProto &&
                     clang_isFunctionTypeVariadic(d->type);
    d->is_main = !strcmp(d->name, "main");
    /* The parameters as declared, not the function type's (which has
       int a[n++] adjusted to int *). */
    int np = clang_Cursor_getNumArguments(c);
    for (int i = 0; i < np; i++)
        d->vm_params |= cursor_variably_modified(
            clang_getCursorType(clang_Cursor_getArgument(c, (unsigned)i)));
    d->as_written = d->is_variadic || d->vm_params;
    index_decl(u);
}

static void add_macro(struct unit *u, CXCursor c) {
    unsigned b, e;
    if (!source_range(&u->src, c, &b, &e))
        return;
    struct invocation *m = VEC_PUSH(u->macros, u->nmacros, u->capmacros);
    m->begin = b;
    m->end = e;
    m->cursor = c;
    CXString s = clang_getCursorSpelling(c);
    const char *n = clang_getCString(s);
    m->is_marker = !strcmp(n, "YC_AWAIT") || !strcmp(n, "YC_YIELD") ||
                   !strcmp(n, "YC_SPAWN") || !strcmp(n, "YC_ASYNC") ||
                   !strcmp(n, "YC_COROUTINE");
    clang_disposeString(s);
    CXCursor def = clang_getCursorReferenced(c);
    m->is_builtin =
        clang_Cursor_isNull(def) || clang_Cursor_isMacroBuiltin(def);
}

/* The first walk of the top level: coroutine declarations (those that
   carry YC_COROUTINE themselves) and the main file's macro invocations. */
static enum CXChildVisitResult visit_decls(CXCursor c, CXCursor parent,
                                           CXClientData data) {
    (void)parent;
    struct unit *u = data;
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_FunctionDecl && own_annotation(c))
        add_decl(u, c);
    else if (k == CXCursor_MacroExpansion && in_main_file(u, c))
        add_macro(u, c);
    return CXChildVisit_Continue;
}

/* The second walk: every declaration of a coroutine carries YC_COROUTINE
   (the awaiting side and the defining side must agree on the calling
   convention), and the definitions in the main file. */
static enum CXChildVisitResult visit_defs(CXCursor c, CXCursor parent,
                                          CXClientData data) {
    (void)parent;
    struct unit *u = data;
    if (clang_getCursorKind(c) != CXCursor_FunctionDecl)
        return CXChildVisit_Continue;
    struct corodecl *d = find_coroutine(u, c);
    if (!d)
        return CXChildVisit_Continue;
    if (!own_annotation(c)) {
        diag_loc(clang_getCursorLocation(c), DIAG_ERROR,
                 "'%s' is declared YC_COROUTINE elsewhere but not here; every "
                 "declaration of a coroutine must start with YC_COROUTINE",
                 d->name);
        diag_loc(clang_getCursorLocation(d->cursor), DIAG_NOTE,
                 "declared YC_COROUTINE here");
    }
    if (clang_isCursorDefinition(c) && in_main_file(u, c) && !d->def) {
        struct coro *co = VEC_PUSH(u->coros, u->ncoros, u->capcoros);
        memset(co, 0, sizeof *co);
        co->def = c;
        co->decl = d;
        d->def = co; /* fixed below: the array may still move */
    }
    return CXChildVisit_Continue;
}

/* ------------------------------------------------------------------ */
/* Markers outside coroutines, reserved names                          */
/* ------------------------------------------------------------------ */

static int is_decl_kind(enum CXCursorKind k) {
    return k == CXCursor_VarDecl || k == CXCursor_ParmDecl ||
           k == CXCursor_FunctionDecl || k == CXCursor_FieldDecl ||
           k == CXCursor_TypedefDecl || k == CXCursor_StructDecl ||
           k == CXCursor_UnionDecl || k == CXCursor_EnumDecl ||
           k == CXCursor_EnumConstantDecl || k == CXCursor_LabelStmt ||
           k == CXCursor_MacroDefinition;
}

/* Reports a declaration in the main file whose name uses the prefix of
   generated code. */
static void check_name(struct unit *u, CXCursor c) {
    if (!is_decl_kind(clang_getCursorKind(c)))
        return;
    CXString s = clang_getCursorSpelling(c);
    const char *n = clang_getCString(s);
    unsigned off;
    if (n && !strncmp(n, "yc__", 4) &&
        source_offset(&u->src, clang_getCursorLocation(c), &off))
        diag_at(&u->src, off, DIAG_ERROR,
                "identifier '%s' uses the prefix 'yc__' reserved for code "
                "generated by yieldc",
                n);
    clang_disposeString(s);
}

/* check_name for the declarations inside a declaration (a struct's
   fields and nested tags, an enum's constants). */
static enum CXChildVisitResult visit_names(CXCursor c, CXCursor parent,
                                           CXClientData u) {
    (void)parent;
    if (!clang_isDeclaration(clang_getCursorKind(c)))
        return CXChildVisit_Continue;
    check_name(u, c);
    return CXChildVisit_Recurse;
}

/* The yieldc markers of a top-level declaration that is not a coroutine
   definition: YC_SPAWN and YC_ASYNC are recorded, YC_AWAIT and YC_YIELD
   are errors. */
static void scan_plain(struct unit *u, CXCursor top) {
    /* Markers can only stand in a function body (elsewhere they are not
       constant expressions, which clang reports): in other declarations
       only the names need checking, which needs no walk of expressions. */
    if (clang_getCursorKind(top) != CXCursor_FunctionDecl ||
        !clang_isCursorDefinition(top)) {
        check_name(u, top);
        clang_visitChildren(top, visit_names, u);
        return;
    }
    struct tree t;
    tree_build(&t, &u->src, top);
    for (unsigned i = 0; i < t.len; i++)
        check_name(u, t.n[i].c);
    for (unsigned i = 0; i < t.len; i++) {
        struct node *n = &t.n[i];
        unsigned b, e;
        if (!n->mark || !tree_range(&t, (int)i, &b, &e))
            continue;
        if (n->mark == MARK_AWAIT)
            diag_at(&u->src, b, DIAG_ERROR,
                    "YC_AWAIT outside a coroutine; mark the enclosing "
                    "function YC_COROUTINE, or call the coroutine without "
                    "YC_AWAIT to run it to completion");
        else if (n->mark == MARK_YIELD)
            diag_at(&u->src, b, DIAG_ERROR,
                    "YC_YIELD outside a coroutine; mark the enclosing "
                    "function YC_COROUTINE");
        else if (n->operand >= 0) {
            struct spawn *sp = VEC_PUSH(u->spawns, u->nspawns, u->capspawns);
            memset(sp, 0, sizeof *sp);
            sp->begin = b;
            sp->end = e;
            sp->is_async = n->mark == MARK_ASYNC;
            sp->call = t.n[n->operand].c;
            /* Written by a user macro, or holding a call that a macro
               writes (YC_SPAWN(CALL)), whose arguments are copied as
               written: spelled out first (normalize). */
            unsigned cb, ce;
            int inv = find_invocation(u, b, 1);
            if (inv < 0 && source_range(&u->src, sp->call, &cb, &ce))
                inv = find_invocation(u, cb, 1);
            if (inv >= 0) {
                unit_request_expansion(u, u->macros[inv].begin);
                sp->in_macro = 1;
            }
            /* A marker's extent is cut short inside another macro's
               argument. */
            unsigned end = source_macro_call_end(
                &u->src, b, sp->is_async ? "YC_ASYNC" : "YC_SPAWN");
            if (end)
                sp->end = end;
        }
    }
    tree_free(&t);
}

/* A coroutine definition: its body is walked once, here, for the names and
   for analyse and lower (struct coro's tree). */
static void scan_coroutine(struct unit *u, struct coro *co) {
    check_name(u, co->def);
    int n = clang_Cursor_getNumArguments(co->def);
    for (int a = 0; a < n; a++)
        check_name(u, clang_Cursor_getArgument(co->def, (unsigned)a));
    struct kids k = cursor_kids(co->def);
    CXCursor body = k.n ? k.c[k.n - 1] : clang_getNullCursor();
    free(k.c);
    tree_build(&co->tree, &u->src, body);
    for (unsigned i = 0; i < co->tree.len; i++)
        check_name(u, co->tree.n[i].c);
}

static enum CXChildVisitResult visit_uses(CXCursor c, CXCursor parent,
                                          CXClientData data) {
    (void)parent;
    struct unit *u = data;
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_MacroDefinition && in_main_file(u, c)) {
        check_name(u, c);
        return CXChildVisit_Continue;
    }
    if (!clang_isDeclaration(k) || !in_main_file(u, c))
        return CXChildVisit_Continue;
    if (k == CXCursor_FunctionDecl && clang_isCursorDefinition(c)) {
        struct corodecl *d = find_coroutine(u, c);
        if (d && d->def && clang_equalCursors(d->def->def, c)) {
            scan_coroutine(u, d->def);
            return CXChildVisit_Continue;
        }
    }
    scan_plain(u, c);
    return CXChildVisit_Continue;
}

/* ------------------------------------------------------------------ */
/* Definitions                                                         */
/* ------------------------------------------------------------------ */

/* Fills in what find knows of a definition: its ranges and result. */
static void describe(struct unit *u, struct coro *co) {
    co->name = co->decl->name;
    co->decl->def = co;
    co->is_main = co->decl->is_main;
    co->ret = clang_getCursorResultType(co->def);
    co->is_void = cursor_type_is_void(co->ret);
    source_range(&u->src, co->def, &co->def_begin, &co->def_end);
    struct kids k = cursor_kids(co->def);
    if (k.n)
        source_range(&u->src, k.c[k.n - 1], &co->body_begin, &co->body_end);
    free(k.c);
}

void find_spawn_callee(struct unit *u, struct spawn *sp) {
    CXCursor callee = cursor_direct_callee(sp->call);
    int direct = !clang_Cursor_isNull(callee);
    if (direct)
        sp->callee = find_coroutine(u, callee);
    if (direct && !sp->callee)
        diag_at(&u->src, sp->begin, DIAG_ERROR,
                "%s expects a call of a coroutine",
                sp->is_async ? "YC_ASYNC" : "YC_SPAWN");
    else if (clang_getCursorKind(sp->call) != CXCursor_CallExpr)
        diag_at(&u->src, sp->begin, DIAG_ERROR, "%s expects a call",
                sp->is_async ? "YC_ASYNC" : "YC_SPAWN");
}

int find_run(struct unit *u) {
    CXCursor tu = clang_getTranslationUnitCursor(u->tu);
    clang_visitChildren(tu, visit_decls, u);
    u->macro_reach = xcalloc(u->nmacros + 1, sizeof *u->macro_reach);
    for (unsigned i = 0, reach = 0; i < u->nmacros; i++) {
        if (u->macros[i].end > reach)
            reach = u->macros[i].end;
        u->macro_reach[i] = reach;
    }
    clang_visitChildren(tu, visit_defs, u);
    for (unsigned i = 0; i < u->ncoros; i++)
        describe(u, &u->coros[i]);
    clang_visitChildren(tu, visit_uses, u);
    for (unsigned i = 0; i < u->nspawns; i++)
        find_spawn_callee(u, &u->spawns[i]);
    return diag_errors() != 0;
}

unsigned find_macros_from(const struct unit *u, unsigned b) {
    unsigned lo = 0, hi = u->nmacros;
    while (lo < hi) {
        unsigned mid = lo + (hi - lo) / 2;
        if (u->macro_reach[mid] <= b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int find_invocation(const struct unit *u, unsigned off, int at_begin) {
    /* The invocations are in file order, and one that holds another (a
       macro in an argument) comes first: the first match is outermost. */
    for (unsigned i = find_macros_from(u, off); i < u->nmacros; i++) {
        const struct invocation *m = &u->macros[i];
        if (m->begin > off)
            break;
        if (m->is_marker || m->is_builtin)
            continue;
        if ((m->begin < off || (at_begin && m->begin == off)) && off < m->end)
            return (int)i;
    }
    return -1;
}

void find_print(const struct unit *u) {
    for (unsigned i = 0; i < u->ncdecls; i++) {
        const struct corodecl *d = &u->cdecls[i];
        printf("coroutine %s%s%s\n", d->name, d->def ? " defined" : "",
               d->is_static ? " static" : "");
    }
}
