/* Unit test of compiler/source.c, where libclang's locations become byte
   offsets of the main file: the range of each expression in a function
   that uses macros (a macro argument's tokens map to their spelling in the
   argument, a macro body's tokens to the whole invocation, a header's
   macro to the invocation in the main file), asked twice so that the
   remembered answer is checked too; lines and columns; skipping blanks and
   comments; the end of a marker-style macro call. */
// RUN: %{unit}/unit-source %S/Inputs/source-input.c | FileCheck %s
#include "source.h"

#include <stdio.h>
#include <string.h>

static struct source src;

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent,
                                     CXClientData data) {
    (void)parent;
    int depth = *(int *)data + 1;
    if (clang_isExpression(clang_getCursorKind(c)) ||
        clang_isStatement(clang_getCursorKind(c))) {
        unsigned b, e, b2 = 0, e2 = 0;
        CXString k = clang_getCursorKindSpelling(clang_getCursorKind(c));
        if (source_range(&src, c, &b, &e)) {
            int again = source_range(&src, c, &b2, &e2);
            unsigned line, col;
            source_linecol(&src, b, &line, &col);
            printf("%*s%s %u:%u [%.*s]%s\n", depth * 2, "", clang_getCString(k),
                   line, col, (int)(e - b), src.data + b,
                   again && b2 == b && e2 == e ? "" : " (!)");
        } else {
            printf("%*s%s outside the main file\n", depth * 2, "",
                   clang_getCString(k));
        }
        clang_disposeString(k);
    }
    clang_visitChildren(c, visit, &depth);
    return CXChildVisit_Continue;
}

static enum CXChildVisitResult top(CXCursor c, CXCursor parent,
                                   CXClientData data) {
    (void)parent;
    (void)data;
    CXString n = clang_getCursorSpelling(c);
    if (clang_getCursorKind(c) == CXCursor_FunctionDecl &&
        clang_isCursorDefinition(c) && !strcmp(clang_getCString(n), "f")) {
        int depth = 0;
        clang_visitChildren(c, visit, &depth);
    }
    clang_disposeString(n);
    return CXChildVisit_Continue;
}

int main(int argc, char **argv) {
    if (argc != 2 || source_load(&src, argv[1]))
        return 1;
    CXIndex idx = clang_createIndex(0, 0);
    CXTranslationUnit tu = clang_parseTranslationUnit(
        idx, argv[1], NULL, 0, NULL, 0, CXTranslationUnit_None);
    if (!tu)
        return 1;
    src.file = clang_getFile(tu, argv[1]);
    clang_visitChildren(clang_getTranslationUnitCursor(tu), top, NULL);

    unsigned line, col;
    source_linecol(&src, 0, &line, &col);
    printf("offset 0: %u:%u\n", line, col);
    source_linecol(&src, src.len - 1, &line, &col);
    printf("last byte: %u:%u\n", line, col);
    const char *c = strstr(src.data, "/* a comment");
    unsigned after = source_skip_space(&src, (unsigned)(c - src.data));
    printf("after the comments: [%.9s]\n", src.data + after);
    unsigned mark = (unsigned)(strstr(src.data, "MARK") - src.data);
    unsigned end = source_macro_call_end(&src, mark, "MARK");
    printf("MARK call: [%.*s]\n", (int)(end - mark), src.data + mark);
    printf("not a call of MAR: %u\n",
           source_macro_call_end(&src, mark, "MAR ("));
    printf("source_is: %d %d\n", source_is(&src, mark, mark + 4, "MARK"),
           source_is(&src, mark, mark + 4, "MAR"));
    clang_disposeTranslationUnit(tu);
    clang_disposeIndex(idx);
    source_free(&src);
    return 0;
}
// The whole body, then each statement.
// CHECK: {{^}}  CompoundStmt 6:14 [{
// CHECK: {{^}}    DeclStmt 7:5 [int r = ADD(n, g(n));]{{$}}
// A macro body's tokens map to the whole invocation, an argument's tokens
// to their spelling in it.
// CHECK-NEXT: {{^}}        ParenExpr 7:13 [ADD(n, g(n))]{{$}}
// CHECK-NEXT: {{^}}          BinaryOperator 7:13 [ADD(n, g(n))]{{$}}
// CHECK:      {{^}}                DeclRefExpr 7:17 [n]{{$}}
// CHECK:      {{^}}              CallExpr 7:20 [g(n)]{{$}}
// CHECK:      {{^}}    CompoundAssignOperator 8:5 [r += CALL_G()]{{$}}
// CHECK-NEXT: {{^}}      DeclRefExpr 8:5 [r]{{$}}
// CHECK-NEXT: {{^}}      CallExpr 8:10 [CALL_G()]{{$}}
// CHECK:      {{^}}    DoStmt 9:5 [STMT(r = g(r))]{{$}}
// CHECK-NEXT: {{^}}      CompoundStmt 9:5 [STMT(r = g(r))]{{$}}
// CHECK-NEXT: {{^}}        BinaryOperator 9:10 [r = g(r)]{{$}}
// A header's macro maps to its invocation in the main file.
// CHECK:      {{^}}    ReturnStmt 10:5 [return r + FROM_HEADER]{{$}}
// CHECK:      {{^}}        IntegerLiteral 10:16 [FROM_HEADER]{{$}}
// Every range was the same when asked again (no "(!)").
// CHECK-NOT: (!)
// CHECK: {{^}}offset 0: 1:1{{$}}
// CHECK-NEXT: {{^}}last byte: 13:41{{$}}
// CHECK-NEXT: {{^}}after the comments: [int after]{{$}}
// CHECK-NEXT: {{^}}MARK call: [MARK ( "(" , ')' /* ) */ )]{{$}}
// CHECK-NEXT: {{^}}not a call of MAR: 0{{$}}
// CHECK-NEXT: {{^}}source_is: 1 0{{$}}
