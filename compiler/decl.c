/* decl.c - C declarators printed from libclang types.

   C spells a declaration inside out: the base type on the left and the
   derived parts (pointers, arrays, functions) wrapped around the name. The
   printer walks the type from the outside in, wrapping the declarator built
   so far, and ends with the spelling of the base type. */
#include "decl.h"

#include <stdlib.h>
#include <string.h>

/* The spelling of a non-derived type, without top-level const when asked. */
static int base_spelling(CXType t, unsigned flags, struct buf *out,
                         const char **why) {
    CXString s = clang_getTypeSpelling(t);
    const char *sp = clang_getCString(s);
    int rc = 0;
    if (strstr(sp, "(unnamed") || strstr(sp, "(anonymous")) {
        *why = "a local of an unnamed struct, union or enum type";
        rc = -1;
    } else {
        if ((flags & DECL_STRIP_CONST) && !strncmp(sp, "const ", 6))
            sp += 6;
        buf_puts(out, sp);
    }
    clang_disposeString(s);
    return rc;
}

static int format(CXType t, const char *inner, unsigned flags, struct buf *out,
                  const char **why) {
    struct buf d = {0};
    int rc;
    switch (t.kind) {
    case CXType_Pointer:
    case CXType_BlockPointer: {
        CXType pt = clang_getPointeeType(t);
        int paren = pt.kind == CXType_ConstantArray ||
                    pt.kind == CXType_IncompleteArray ||
                    pt.kind == CXType_FunctionProto ||
                    pt.kind == CXType_FunctionNoProto;
        buf_puts(&d, paren ? "(*" : "*");
        if (clang_isConstQualifiedType(t) && !(flags & DECL_STRIP_CONST))
            buf_puts(&d, " const ");
        if (clang_isVolatileQualifiedType(t))
            buf_puts(&d, " volatile ");
        if (clang_isRestrictQualifiedType(t))
            buf_puts(&d, " restrict ");
        buf_puts(&d, inner);
        if (paren)
            buf_putc(&d, ')');
        rc = format(pt, buf_str(&d), 0, out, why);
        break;
    }
    case CXType_ConstantArray:
        buf_printf(&d, "%s[%lld]", inner, clang_getArraySize(t));
        rc = format(clang_getArrayElementType(t), buf_str(&d), flags, out, why);
        break;
    case CXType_IncompleteArray:
        buf_printf(&d, "%s[]", inner);
        rc = format(clang_getArrayElementType(t), buf_str(&d), flags, out, why);
        break;
    case CXType_VariableArray:
    case CXType_DependentSizedArray:
        *why = "a variable-length array";
        rc = -1;
        break;
    case CXType_FunctionProto:
    case CXType_FunctionNoProto: {
        buf_printf(&d, "%s(", inner);
        int n = clang_getNumArgTypes(t);
        for (int i = 0; i < n; i++) {
            struct buf arg = {0};
            rc = format(clang_getArgType(t, (unsigned)i), "", 0, &arg, why);
            if (rc) {
                buf_free(&arg);
                buf_free(&d);
                return rc;
            }
            buf_printf(&d, "%s%s", i ? ", " : "", buf_str(&arg));
            buf_free(&arg);
        }
        if (t.kind == CXType_FunctionProto && clang_isFunctionTypeVariadic(t))
            buf_puts(&d, n ? ", ..." : "...");
        else if (n == 0 && t.kind == CXType_FunctionProto)
            buf_puts(&d, "void");
        buf_putc(&d, ')');
        rc = format(clang_getResultType(t), buf_str(&d), 0, out, why);
        break;
    }
    case CXType_Elaborated:
    case CXType_Typedef:
    default:
        rc = base_spelling(t, flags, out, why);
        if (!rc && *inner) {
            if (*inner != '[')
                buf_putc(out, ' ');
            buf_puts(out, inner);
        }
        break;
    }
    buf_free(&d);
    return rc;
}

/* Whether t is a compiler's own type, declared nowhere in a file (the
   element of va_list). */
static int builtin_type(CXType t) {
    CXCursor d = clang_getTypeDeclaration(clang_getCanonicalType(t));
    if (clang_Cursor_isNull(d) || clang_isInvalid(clang_getCursorKind(d)))
        return 0;
    CXFile f;
    clang_getFileLocation(clang_getCursorLocation(d), &f, NULL, NULL, NULL);
    return f == NULL;
}

int decl_format(CXType t, const char *name, unsigned flags, struct buf *out,
                const char **why) {
    struct buf tmp = {0};
    int rc;
    CXType canon = clang_getCanonicalType(t);
    int array = t.kind == CXType_ConstantArray ||
                t.kind == CXType_IncompleteArray ||
                t.kind == CXType_VariableArray;
    int function =
        t.kind == CXType_FunctionProto || t.kind == CXType_FunctionNoProto;
    int named_array = !array && (canon.kind == CXType_ConstantArray ||
                                 canon.kind == CXType_IncompleteArray ||
                                 canon.kind == CXType_VariableArray);
    int named_function = !function && (canon.kind == CXType_FunctionProto ||
                                       canon.kind == CXType_FunctionNoProto);
    /* An array decays to a pointer to its element: the array as written,
       or the one a typedef names. */
    CXType elem = clang_getArrayElementType(array ? t : canon);
    if ((flags & DECL_DECAY) &&
        (array || (named_array && !builtin_type(elem)))) {
        int paren = elem.kind == CXType_ConstantArray ||
                    elem.kind == CXType_IncompleteArray;
        char *inner = xasprintf(paren ? "(*%s)" : "*%s", name);
        rc = format(elem, inner, 0, &tmp, why);
        free(inner);
    } else if ((flags & DECL_DECAY) && named_array) {
        /* A parameter of va_list is a pointer to an element type that has
           no name in C (__va_list_tag): a void * holds it and converts
           back without a cast. */
        buf_printf(&tmp, "void *%s", name);
        rc = 0;
    } else if ((flags & DECL_DECAY) && (function || named_function)) {
        char *inner = xasprintf(function ? "(*%s)" : "*%s", name);
        rc = format(t, inner, 0, &tmp, why);
        free(inner);
    } else {
        rc = format(t, name, flags & ~DECL_DECAY, &tmp, why);
    }
    if (!rc)
        buf_puts(out, buf_str(&tmp));
    buf_free(&tmp);
    return rc;
}

/* The type with arrays removed: the element type of (arrays of) arrays. */
static CXType strip_arrays(CXType t) {
    for (int guard = 0; guard < 64; guard++) {
        CXType c = clang_getCanonicalType(t);
        if (c.kind != CXType_ConstantArray && c.kind != CXType_IncompleteArray)
            return t;
        t = clang_getArrayElementType(c);
    }
    return t;
}

static enum CXVisitorResult visit_field(CXCursor field, CXClientData data) {
    int *found = data;
    CXType f = strip_arrays(clang_getCursorType(field));
    if (clang_isConstQualifiedType(f) || decl_has_const_member(f)) {
        *found = 1;
        return CXVisit_Break;
    }
    return CXVisit_Continue;
}

int decl_has_const_member(CXType t) {
    CXType c = clang_getCanonicalType(strip_arrays(t));
    int found = 0;
    if (c.kind == CXType_Record)
        clang_Type_visitFields(c, visit_field, &found);
    return found;
}
