/* cursor.h - small helpers over libclang cursors, shared by the passes. */
#ifndef YC_CURSOR_H
#define YC_CURSOR_H

#include "source.h"

#include <clang-c/Index.h>

/* A cursor's spelling (a declaration's name), as a new string. */
char *cursor_name(CXCursor c);
/* Whether a cursor's spelling is exactly s, without copying it. */
int cursor_named(CXCursor c, const char *s);
/* A declaration's USR, which is the same for all its redeclarations. */
char *cursor_usr(CXCursor c);

/* All children of a cursor (free k.c), listed in one traversal. */
struct kids {
    CXCursor *c;
    unsigned n, cap;
};
struct kids cursor_kids(CXCursor c);

/* Whether a declaration carries __attribute__((annotate(text))):
   YC_COROUTINE is annotate("yc_coroutine"). */
int cursor_annotated(CXCursor c, const char *text);
/* Whether a variable carries __attribute__((cleanup(fn))). */
int cursor_has_cleanup(CXCursor c);
/* The function a variable's cleanup attribute names, as a new string, or
   NULL if it cannot be read. */
char *cursor_cleanup_fn(CXCursor c);
/* Whether a variable carries _Alignas or __attribute__((aligned)). */
int cursor_has_aligned(CXCursor c);

/* Whether a function-pointer expression (the callee of a call) has a type
   declared YC_COROUTINE: through a typedef, a variable, a parameter or a
   field. */
int cursor_is_coroutine_pointer(CXCursor callee);
/* Whether parameter i of function fn is declared a coroutine pointer (0
   for a variadic argument or a function without a prototype). */
int cursor_param_is_coroutine_pointer(CXCursor fn, unsigned i);

/* The function a call names directly (f(x), not p(x) or get()(x)), or a
   null cursor. */
CXCursor cursor_direct_callee(CXCursor call);

/* The type of a function declaration's parameter i as written (an array
   parameter keeps its array type, a va_list its typedef). */
CXType cursor_param_type(CXCursor fn, unsigned i);

/* Whether t is void, through typedefs and qualifiers. */
int cursor_type_is_void(CXType t);

/* Whether type t (through pointers and arrays) names a type declared in
   the main-file range (b, e) - a function body - or no type at all
   (*unnamed: an unnamed struct, union or enum): code at file scope cannot
   name it. */
int cursor_type_is_local(const struct source *src, unsigned b, unsigned e,
                         CXType t, int *unnamed);

/* Whether a variably modified type (a VLA, or a pointer to one) is in t. */
int cursor_variably_modified(CXType t);

#endif
