/* tree.c - one walk over a function body (see tree.h). */
#include "tree.h"

#include "buf.h"

#include <stdlib.h>
#include <string.h>

/* The state of the walk: the nodes whose subtrees are still open, from the
   root down to the parent of the cursor being visited. */
struct build {
    struct tree *t;
    int *stack;
    unsigned depth, cap;
};

static const char *const marker_names[] = {NULL, "yc__await_mark",
                                           "yc__yield_mark", "yc__spawn_mark",
                                           "yc__async_mark"};

/* Which marker function a CallExpr calls (enum mark), or 0. */
static unsigned char marker_call(CXCursor c) {
    CXString s = clang_getCursorSpelling(c);
    const char *n = clang_getCString(s);
    unsigned char r = 0;
    if (n && !strncmp(n, "yc__", 4))
        for (unsigned char m = MARK_AWAIT; m <= MARK_ASYNC; m++)
            if (!strcmp(n, marker_names[m]))
                r = m;
    clang_disposeString(s);
    return r;
}

static int add(struct tree *t, CXCursor c, int parent) {
    struct node *n = VEC_PUSH(t->n, t->len, t->cap);
    memset(n, 0, sizeof *n);
    n->c = c;
    n->kind = clang_getCursorKind(c);
    n->parent = parent;
    n->first = n->next = n->last = n->operand = -1;
    if (n->kind == CXCursor_CallExpr)
        n->markcall = marker_call(c);
    int i = (int)t->len - 1;
    if (parent >= 0) {
        struct node *p = &t->n[parent];
        if (p->last >= 0)
            t->n[p->last].next = i;
        else
            p->first = i;
        p->last = i;
        p->nkids++;
    }
    return i;
}

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent,
                                     CXClientData data) {
    struct build *b = data;
    struct tree *t = b->t;
    /* Preorder: the parent is open, and every node above it on the stack
       whose subtree has ended is closed here. */
    while (b->depth > 1 &&
           !clang_equalCursors(t->n[b->stack[b->depth - 1]].c, parent)) {
        t->n[b->stack[b->depth - 1]].desc_end = t->len;
        b->depth--;
    }
    int i = add(t, c, b->stack[b->depth - 1]);
    *VEC_PUSH(b->stack, b->depth, b->cap) = i;
    return CXChildVisit_Recurse;
}

/* Strips the (void) cast of YC_SPAWN/YC_ASYNC's operand. */
static int strip_void(const struct tree *t, int i) {
    i = tree_strip(t, i);
    if (i >= 0 && t->n[i].kind == CXCursor_CStyleCastExpr && t->n[i].nkids)
        i = tree_strip(t, t->n[i].last);
    return i;
}

/* Marks the nodes that stand for yieldc's markers (see enum mark). */
static void find_marks(struct tree *t) {
    for (unsigned i = 0; i < t->len; i++) {
        struct node *n = &t->n[i];
        int p = n->parent;
        if (!n->markcall)
            continue;
        if (n->markcall == MARK_YIELD) {
            n->mark = MARK_YIELD;
            continue;
        }
        /* The other markers are the left operand of a comma. */
        if (p < 0 || t->n[p].kind != CXCursor_BinaryOperator ||
            t->n[p].first != (int)i || t->n[p].nkids != 2)
            continue;
        int right = t->n[p].last;
        if (n->markcall == MARK_AWAIT) {
            t->n[p].mark = MARK_AWAIT;
            t->n[p].operand = tree_strip(t, right);
        } else if (n->markcall == MARK_SPAWN) {
            t->n[p].mark = MARK_SPAWN;
            t->n[p].operand = strip_void(t, right);
        } else {
            int g = t->n[p].parent; /* ((mark, (void)(e)), (T *)0) */
            if (g >= 0 && t->n[g].kind == CXCursor_BinaryOperator &&
                t->n[g].first == p) {
                t->n[g].mark = MARK_ASYNC;
                t->n[g].operand = strip_void(t, right);
            }
        }
    }
}

void tree_build(struct tree *t, const struct source *src, CXCursor root) {
    memset(t, 0, sizeof *t);
    t->src = src;
    struct build b = {t, NULL, 0, 0};
    *VEC_PUSH(b.stack, b.depth, b.cap) = add(t, root, -1);
    clang_visitChildren(root, visit, &b);
    while (b.depth > 0)
        t->n[b.stack[--b.depth]].desc_end = t->len;
    free(b.stack);
    find_marks(t);
}

void tree_free(struct tree *t) {
    free(t->n);
    memset(t, 0, sizeof *t);
}

int tree_kid(const struct tree *t, int i, unsigned k) {
    int c = t->n[i].first;
    while (c >= 0 && k--)
        c = t->n[c].next;
    return c;
}

int tree_strip(const struct tree *t, int i) {
    while (i >= 0 &&
           (t->n[i].kind == CXCursor_UnexposedExpr ||
            t->n[i].kind == CXCursor_ParenExpr) &&
           t->n[i].nkids == 1)
        i = t->n[i].first;
    return i;
}

int tree_range(struct tree *t, int i, unsigned *b, unsigned *e) {
    struct node *n = &t->n[i];
    if (!n->range) {
        n->range = source_range(t->src, n->c, &n->begin, &n->end) ? 1 : -1;
        if (n->range < 0)
            n->begin = n->end = 0;
    }
    *b = n->begin;
    *e = n->end;
    return n->range > 0;
}
