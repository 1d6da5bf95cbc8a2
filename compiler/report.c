/* report.c - the frame report (--frame-report): each coroutine's frame
   layout as the C compiler will lay it out, and the locals that stay
   ordinary C locals of the step function. */
#include "pass.h"

#include <stdio.h>

/* Size and alignment of a frame field's type; array and function
   parameters are pointers. */
static void size_align(CXType t, int decay, long long *size, long long *align) {
    if (decay && (t.kind == CXType_ConstantArray ||
                  t.kind == CXType_IncompleteArray ||
                  t.kind == CXType_FunctionProto ||
                  t.kind == CXType_FunctionNoProto)) {
        *size = *align = (long long)sizeof(void *);
        return;
    }
    *size = clang_Type_getSizeOf(t);
    *align = clang_Type_getAlignOf(t);
    if (*align <= 0)
        *align = 1;
}

static long long place(long long *off, long long size, long long align,
                       long long *max_align) {
    *off = (*off + align - 1) / align * align;
    long long at = *off;
    *off += size;
    if (align > *max_align)
        *max_align = align;
    return at;
}

static void field(const char *what, const char *name, CXType t, int decay,
                  long long *off, long long *max_align) {
    long long size, align;
    size_align(t, decay, &size, &align);
    CXString sp = clang_getTypeSpelling(t);
    long long at = place(off, size, align, max_align);
    printf("  %4lld %4lld  %s%s%s (%s)\n", at, size, what, *name ? " " : "",
           name, clang_getCString(sp));
    clang_disposeString(sp);
}

void report_frames(const struct unit *u) {
    for (unsigned ci = 0; ci < u->ncoros; ci++) {
        const struct coro *co = &u->coros[ci];
        /* struct yc__frame: two pointers and two unsigned ints. */
        long long off = 2 * (long long)sizeof(void *) + 8, max_align = 8;
        if (co->stackful) {
            printf("frame of %s: stackful (%s), locals on its own stack\n",
                   co->name, co->why_stackful);
            continue;
        }
        printf("frame of %s:\n", co->name);
        printf("  %4d %4lld  header\n", 0, off);
        if (!co->is_void)
            field("result", "", co->ret, 0, &off, &max_align);
        /* The header and result form struct yc__NAME_res, padded to its
           alignment before the first field. */
        off = (off + max_align - 1) / max_align * max_align;
        for (unsigned i = 0; i < co->nlocals; i++) {
            const struct local *l = &co->locals[i];
            if (l->in_frame)
                field(l->is_param ? "param" : "local", l->field, l->type,
                      l->is_param, &off, &max_align);
        }
        for (unsigned i = 0; i < co->ntemps; i++) {
            const struct temp *t = &co->temps[i];
            if (!t->in_frame)
                continue;
            if (t->is_int) {
                long long at = place(&off, 4, 4, &max_align);
                printf("  %4lld %4d  temp %s (int)\n", at, 4, t->name);
            } else {
                field("temp", t->name, t->type, 1, &off, &max_align);
            }
        }
        for (unsigned i = 0; i < co->nlits; i++)
            if (co->lits[i].field)
                field("literal", co->lits[i].field, co->lits[i].type, 0, &off,
                      &max_align);
        off = (off + max_align - 1) / max_align * max_align;
        printf("  size %lld bytes, %u suspension point%s\n", off,
               co->nlabels, co->nlabels == 1 ? "" : "s");
        int first = 1;
        for (unsigned i = 0; i < co->nlocals; i++) {
            const struct local *l = &co->locals[i];
            if (l->in_frame)
                continue;
            printf("%s %s%s", first ? "  C locals:" : ",", l->name,
                   l->is_static ? " (static)" : "");
            first = 0;
        }
        if (!first)
            printf("\n");
    }
}
