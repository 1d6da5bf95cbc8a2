/* tree.h - one walk: a function body's cursors, listed once in preorder
   with their parents, children and main-file ranges, so that the passes
   that look at a body (analyse, normalize, lower) never walk libclang's
   tree again. */
#ifndef YC_TREE_H
#define YC_TREE_H

#include "source.h"

#include <clang-c/Index.h>

/* What a node is to yieldc, besides its C meaning. */
enum mark {
    MARK_NONE,  /* ordinary C */
    MARK_AWAIT, /* YC_AWAIT(e): (yc__await_mark(), (e)) */
    MARK_YIELD, /* YC_YIELD(): yc__yield_mark() */
    MARK_SPAWN, /* YC_SPAWN(e): (yc__spawn_mark(), (void)(e)) */
    MARK_ASYNC  /* YC_ASYNC(e): (yc__async_mark(), (void)(e), (T *)0) */
};

/* One cursor of the body. Indices are preorder positions: the descendants
   of node i are exactly the nodes i + 1 .. desc_end - 1. */
struct node {
    CXCursor c;             /* the cursor */
    enum CXCursorKind kind; /* its kind */
    int parent;             /* the parent node, or -1 for the root */
    int first;              /* the first child, or -1 */
    int next;               /* the next sibling, or -1 */
    int last;               /* the last child, or -1 (used while building) */
    unsigned nkids;         /* number of children */
    unsigned desc_end;      /* one past the last descendant */
    unsigned begin, end;    /* the main-file range, when range > 0 */
    signed char range;      /* 0: not computed yet, 1: mapped, -1: some end
                               is not in the main file */
    unsigned char mark;     /* enum mark */
    unsigned char markcall; /* the marker function this CallExpr calls */
    int operand;            /* MARK_AWAIT/SPAWN/ASYNC: the awaited or spawned
                               expression, stripped of parentheses; or -1 */
};

struct tree {
    struct node *n; /* the nodes in preorder; n[0] is the root */
    unsigned len, cap;
    const struct source *src; /* the main file, for ranges */
};

/* Lists root and its descendants. */
void tree_build(struct tree *t, const struct source *src, CXCursor root);
void tree_free(struct tree *t);

/* The k-th child of node i, or -1. */
int tree_kid(const struct tree *t, int i, unsigned k);
/* Node i without parentheses and implicit conversions (an UnexposedExpr
   or ParenExpr with one child). */
int tree_strip(const struct tree *t, int i);
/* Whether node a is node i or one of its ancestors. */
static inline int tree_within(const struct tree *t, int i, int a) {
    return i >= a && (unsigned)i < t->n[a].desc_end;
}
/* Node i's main-file range [*b, *e); 0 if an end lies outside the main
   file or the ends are inverted (a macro reordering its arguments).
   Computed once per node. */
int tree_range(struct tree *t, int i, unsigned *b, unsigned *e);

#endif
