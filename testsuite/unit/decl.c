/* Unit test of compiler/decl.c, the declarator printer: each global
   variable of a small C text, parsed with libclang, is printed as a
   declaration of `x` plainly, with DECL_STRIP_CONST and with DECL_DECAY;
   each printed declaration is then compiled (by the test) to check that
   it declares the same type: `__typeof__` comparisons in a _Static_assert. */
// RUN: %{unit}/unit-decl > %t.txt
// RUN: FileCheck %s < %t.txt
// RUN: grep '^check: ' %t.txt | sed 's/^check: //' > %t.check.c
// RUN: %cc -fsyntax-only -std=gnu11 -Werror %t.check.c
#include "decl.h"

#include <stdio.h>
#include <string.h>

static const char code[] = "typedef int arr3[3];\n"
                           "typedef int fn_t(double);\n"
                           "struct s { const int k; int v; };\n"
                           "int plain;\n"
                           "const int cint;\n"
                           "int *ptr;\n"
                           "int *const cptr;\n"
                           "const char *volatile vptr;\n"
                           "int (*parr)[3];\n"
                           "int arr[2][3];\n"
                           "const int carr[4];\n"
                           "int (*fp)(int, char *);\n"
                           "int (*(*fpp)(void))[5];\n"
                           "char *(*afp[2])(int);\n"
                           "arr3 tarr;\n"
                           "fn_t *tfp;\n"
                           "struct s withconst;\n"
                           "int *restrict rptr;\n"
                           "void (*knr)();\n"
                           "struct { int a; } unnamed;\n"
                           "typedef int arr23[2][3];\n"
                           "arr23 tarr2;\n"
                           "__builtin_va_list tva;\n";

/* The variables, with the names test code uses for them. */
struct seen {
    CXType types[64];
    char names[64][32];
    unsigned n;
};

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent,
                                     CXClientData data) {
    (void)parent;
    struct seen *s = data;
    if (clang_getCursorKind(c) == CXCursor_VarDecl && s->n < 64) {
        CXString sp = clang_getCursorSpelling(c);
        snprintf(s->names[s->n], sizeof s->names[s->n], "%s",
                 clang_getCString(sp));
        clang_disposeString(sp);
        s->types[s->n++] = clang_getCursorType(c);
    }
    return CXChildVisit_Continue;
}

/* The compiled check's functions, printed last. */
static struct buf checks;

static void print(const char *what, CXType t, unsigned flags, const char *var) {
    struct buf b = {0};
    const char *why = NULL;
    int rc = decl_format(t, "x", flags, &b, &why);
    if (rc) {
        printf("%s %s: cannot (%s)\n", var, what, why);
    } else {
        printf("%s %s: %s;\n", var, what, buf_str(&b));
        /* The printed declaration declares the type it was printed from
           (plain), or that type's decayed / unqualified form. */
        if (!flags)
            buf_printf(&checks,
                       "check: void f_%s(void) { %s; "
                       "_Static_assert(__builtin_types_compatible_p("
                       "__typeof__(x), __typeof__(%s)), \"%s\"); }\n",
                       var, buf_str(&b), var, var);
    }
    buf_free(&b);
}

int main(void) {
    CXIndex idx = clang_createIndex(0, 0);
    struct CXUnsavedFile f = {"decl-input.c", code, sizeof code - 1};
    CXTranslationUnit tu = clang_parseTranslationUnit(
        idx, "decl-input.c", NULL, 0, &f, 1, CXTranslationUnit_None);
    if (!tu)
        return 1;
    struct seen s = {0};
    clang_visitChildren(clang_getTranslationUnitCursor(tu), visit, &s);
    /* The declarations, for the compiled check. */
    for (const char *p = code; *p;) {
        const char *nl = strchr(p, '\n');
        printf("check: %.*s\n", (int)(nl - p), p);
        p = nl + 1;
    }
    for (unsigned i = 0; i < s.n; i++) {
        print("plain", s.types[i], 0, s.names[i]);
        print("stripped", s.types[i], DECL_STRIP_CONST, s.names[i]);
        print("decayed", s.types[i], DECL_DECAY, s.names[i]);
    }
    fputs(buf_str(&checks), stdout);
    buf_free(&checks);
    clang_disposeTranslationUnit(tu);
    clang_disposeIndex(idx);
    return 0;
}
// CHECK: plain plain: int x;
// CHECK: cint plain: const int x;
// CHECK-NEXT: cint stripped: int x;
// CHECK: ptr plain: int *x;
// CHECK: cptr plain: int * const x;
// CHECK-NEXT: cptr stripped: int *x;
// CHECK: vptr plain: const char * volatile x;
// CHECK-NEXT: vptr stripped: const char * volatile x;
// CHECK: parr plain: int (*x)[3];
// CHECK: arr plain: int x[2][3];
// CHECK-NEXT: arr stripped: int x[2][3];
// CHECK-NEXT: arr decayed: int (*x)[3];
// CHECK: carr plain: const int x[4];
// CHECK-NEXT: carr stripped: int x[4];
// CHECK-NEXT: carr decayed: const int *x;
// CHECK: fp plain: int (*x)(int, char *);
// CHECK: fpp plain: int (*(*x)(void))[5];
// CHECK: afp plain: char *(*x[2])(int);
// CHECK-NEXT: afp stripped: char *(*x[2])(int);
// CHECK-NEXT: afp decayed: char *(**x)(int);
// CHECK: tarr plain: arr3 x;
// CHECK-NEXT: tarr stripped: arr3 x;
// CHECK-NEXT: tarr decayed: int *x;
// CHECK: tfp plain: fn_t *x;
// CHECK: withconst plain: struct s x;
// CHECK: rptr plain: int * restrict x;
// CHECK: knr plain: void (*x)();
// CHECK: unnamed plain: cannot (a local of an unnamed struct, union or enum type)
// CHECK: tarr2 decayed: int (*x)[3];
// va_list's element has no name in C: a void * holds the pointer.
// CHECK: tva decayed: void *x;
