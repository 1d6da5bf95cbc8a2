/* cursor.c - small helpers over libclang cursors. */
#include "cursor.h"

#include "buf.h"

#include <stdlib.h>
#include <string.h>

char *cursor_name(CXCursor c) {
    CXString s = clang_getCursorSpelling(c);
    char *name = xstrdup(clang_getCString(s));
    clang_disposeString(s);
    return name;
}

int cursor_named(CXCursor c, const char *s) {
    CXString sp = clang_getCursorSpelling(c);
    const char *t = clang_getCString(sp);
    int r = t && !strcmp(t, s);
    clang_disposeString(sp);
    return r;
}

char *cursor_usr(CXCursor c) {
    CXString s = clang_getCursorUSR(c);
    char *r = xstrdup(clang_getCString(s));
    clang_disposeString(s);
    return r;
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

struct attr_search {
    const char *text; /* the annotation looked for */
    int found;
};

static enum CXChildVisitResult find_annotation(CXCursor c, CXCursor parent,
                                               CXClientData data) {
    (void)parent;
    struct attr_search *a = data;
    if (clang_getCursorKind(c) == CXCursor_AnnotateAttr &&
        cursor_named(c, a->text)) {
        a->found = 1;
        return CXChildVisit_Break;
    }
    return CXChildVisit_Continue;
}

int cursor_annotated(CXCursor c, const char *text) {
    struct attr_search a = {text, 0};
    clang_visitChildren(c, find_annotation, &a);
    return a.found;
}

/* libclang shows most attributes as UnexposedAttr: the first token of the
   attribute's text tells which it is. */
static int attr_named(CXCursor attr, const char *a, const char *b) {
    CXTranslationUnit tu = clang_Cursor_getTranslationUnit(attr);
    CXToken *toks;
    unsigned n;
    clang_tokenize(tu, clang_getCursorExtent(attr), &toks, &n);
    int r = 0;
    if (n) {
        CXString s = clang_getTokenSpelling(tu, toks[0]);
        const char *t = clang_getCString(s);
        r = t && (!strcmp(t, a) || !strcmp(t, b));
        clang_disposeString(s);
    }
    clang_disposeTokens(tu, toks, n);
    return r;
}

struct kind_search {
    int cleanup; /* look for cleanup (2: any unexposed attribute; 0: for
                    aligned) */
    int found;
};

static enum CXChildVisitResult find_kind(CXCursor c, CXCursor parent,
                                         CXClientData data) {
    (void)parent;
    struct kind_search *s = data;
    enum CXCursorKind k = clang_getCursorKind(c);
    if (s->cleanup == 2 ? k == CXCursor_UnexposedAttr
        : s->cleanup    ? k == CXCursor_UnexposedAttr &&
                           attr_named(c, "cleanup", "__cleanup__")
                     : k == CXCursor_AlignedAttr) {
        s->found = 1;
        return CXChildVisit_Break;
    }
    return CXChildVisit_Continue;
}

int cursor_has_cleanup(CXCursor c) {
    struct kind_search s = {1, 0};
    clang_visitChildren(c, find_kind, &s);
    if (s.found)
        return 1;
    /* An attribute spelled partly in a macro of another file
       (YC_CLEANUP(fn) from yieldc.h) has no tokens to tell: the printed
       declaration does. */
    s.cleanup = 2;
    clang_visitChildren(c, find_kind, &s);
    if (!s.found)
        return 0;
    char *fn = cursor_cleanup_fn(c);
    free(fn);
    return fn != NULL;
}

int cursor_has_aligned(CXCursor c) {
    struct kind_search s = {0, 0};
    clang_visitChildren(c, find_kind, &s);
    return s.found;
}

/* Whether a type names, through typedefs, a typedef declared
   YC_COROUTINE. */
static int type_is_coroutine(CXType t) {
    for (int guard = 0; guard < 16; guard++) {
        CXCursor d = clang_getTypeDeclaration(t);
        if (clang_getCursorKind(d) != CXCursor_TypedefDecl)
            return 0;
        if (cursor_annotated(d, "yc_coroutine"))
            return 1;
        t = clang_getTypedefDeclUnderlyingType(d);
    }
    return 0;
}

int cursor_is_coroutine_pointer(CXCursor callee) {
    for (int guard = 0; guard < 16; guard++) {
        enum CXCursorKind k = clang_getCursorKind(callee);
        if (type_is_coroutine(clang_getCursorType(callee)))
            return 1;
        if (k == CXCursor_DeclRefExpr || k == CXCursor_MemberRefExpr) {
            CXCursor d = clang_getCursorReferenced(callee);
            enum CXCursorKind dk = clang_getCursorKind(d);
            return (dk == CXCursor_VarDecl || dk == CXCursor_FieldDecl ||
                    dk == CXCursor_ParmDecl) &&
                   (cursor_annotated(d, "yc_coroutine") ||
                    type_is_coroutine(clang_getCursorType(d)));
        }
        if (k != CXCursor_UnexposedExpr && k != CXCursor_ParenExpr &&
            k != CXCursor_UnaryOperator)
            return 0;
        struct kids kd = cursor_kids(callee);
        int one = kd.n == 1;
        if (one)
            callee = kd.c[0];
        free(kd.c);
        if (!one)
            return 0;
    }
    return 0;
}

int cursor_param_is_coroutine_pointer(CXCursor fn, unsigned i) {
    if (i >= (unsigned)clang_Cursor_getNumArguments(fn))
        return 0;
    CXCursor p = clang_Cursor_getArgument(fn, i);
    return cursor_annotated(p, "yc_coroutine") ||
           type_is_coroutine(clang_getCursorType(p));
}

CXType cursor_param_type(CXCursor fn, unsigned i) {
    return clang_getCursorType(clang_Cursor_getArgument(fn, i));
}

CXCursor cursor_direct_callee(CXCursor call) {
    CXCursor r = clang_getNullCursor();
    if (clang_getCursorKind(call) != CXCursor_CallExpr)
        return r;
    struct kids k = cursor_kids(call);
    CXCursor c = k.n ? k.c[0] : r;
    free(k.c);
    /* Through implicit conversions and parentheses. */
    for (int guard = 0; guard < 64 && !clang_Cursor_isNull(c); guard++) {
        enum CXCursorKind kind = clang_getCursorKind(c);
        if (kind == CXCursor_DeclRefExpr) {
            CXCursor d = clang_getCursorReferenced(c);
            return clang_getCursorKind(d) == CXCursor_FunctionDecl ? d : r;
        }
        if (kind != CXCursor_UnexposedExpr && kind != CXCursor_ParenExpr)
            return r;
        struct kids kk = cursor_kids(c);
        c = kk.n == 1 ? kk.c[0] : r;
        free(kk.c);
    }
    return r;
}

/* Whether a variably modified type (a VLA, or a pointer to one) is in t. */
int cursor_variably_modified(CXType t) {
    for (int guard = 0; guard < 64; guard++) {
        CXType c = clang_getCanonicalType(t);
        if (c.kind == CXType_VariableArray)
            return 1;
        if (c.kind == CXType_Pointer)
            t = clang_getPointeeType(c);
        else if (c.kind == CXType_ConstantArray ||
                 c.kind == CXType_IncompleteArray)
            t = clang_getArrayElementType(c);
        else
            return 0;
    }
    return 0;
}

int cursor_type_is_local(const struct source *src, unsigned b, unsigned e,
                         CXType t, int *unnamed) {
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
    *unnamed = 0;
    if (clang_Cursor_isNull(d))
        return 0;
    if (clang_Cursor_isAnonymous(d) && t.kind != CXType_Typedef)
        *unnamed = 1;
    unsigned off;
    return *unnamed || (source_offset(src, clang_getCursorLocation(d), &off) &&
                        off > b && off < e);
}

int cursor_type_is_void(CXType t) {
    return clang_getCanonicalType(t).kind == CXType_Void;
}

char *cursor_cleanup_fn(CXCursor c) {
    /* The printed declaration ends in __attribute__((cleanup(fn))), with
       the function's name however the attribute was written (a macro,
       __cleanup__, among other attributes). The last one counts, after
       any initializer text. */
    CXString s = clang_getCursorPrettyPrinted(c, NULL);
    const char *t = clang_getCString(s), *key = "__attribute__((cleanup(";
    const char *at = NULL;
    for (const char *p = t ? strstr(t, key) : NULL; p; p = strstr(p + 1, key))
        at = p;
    char *r = NULL;
    if (at) {
        at += strlen(key);
        size_t n = strcspn(at, ")");
        if (n && at[n] == ')')
            r = xstrndup(at, n);
    }
    clang_disposeString(s);
    return r;
}
