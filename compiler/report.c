/* report.c - the analysis report (--emit=WHAT): for each coroutine, how
   it is lowered and why (a state machine or the stackful fallback), its
   suspension points, and its frame layout as the C compiler will lay it
   out, with the locals that stay ordinary C locals of the step function
   (--frame-report is --emit=frame). For users reading why a function
   became what it became. */
#include "pass.h"

#include <stdio.h>
#include <string.h>

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

/* The frame layout of co. */
static void report_frame(const struct coro *co) {
    /* struct yc__frame: two pointers and two unsigned ints. */
    long long off = 2 * (long long)sizeof(void *) + 8, max_align = 8;
    if (co->stackful) {
        printf("frame of %s: stackful (%s), locals on its own stack\n",
               co->name, co->why_stackful);
        return;
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
    printf("  size %lld bytes, %u suspension point%s\n", off, co->nlabels,
           co->nlabels == 1 ? "" : "s");
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

/* Prints "FILE:LINE:COL" of main-file offset off, as diagnostics do. */
static void print_loc(const struct unit *u, unsigned off) {
    unsigned line, col;
    source_linecol(&u->src, off, &line, &col);
    printf("%s:%u:%u", u->src.path, line, col);
}

/* Which lowering co gets, and why. */
static void report_fallback(const struct unit *u, const struct coro *co) {
    printf("lowering of %s: ", co->name);
    if (!co->stackful) {
        printf("state machine\n");
        return;
    }
    if (!strcmp(co->why_stackful, "--stackful")) {
        printf("stackful, as --stackful asks\n");
        return;
    }
    printf("stackful, because of %s at ", co->why_stackful);
    print_loc(u, co->why_off);
    printf("\n");
}

/* The suspension points of co, in source order, and what each suspends
   on. */
static void report_susps(const struct unit *u, const struct coro *co) {
    printf("suspension points of %s: %u\n", co->name, co->nsusps);
    for (unsigned i = 0; i < co->nsusps; i++) {
        const struct susp *s = &co->susps[i];
        printf("  ");
        print_loc(u, s->begin);
        if (s->kind == SUSP_YIELD)
            printf(": YC_YIELD\n");
        else if (s->callee)
            printf(": YC_AWAIT of %s()\n", s->callee->name);
        else
            printf(": YC_AWAIT through a coroutine pointer\n");
    }
}

/* The names --emit takes, and what each selects. */
static const struct {
    const char *name;
    unsigned what;
} kinds[] = {
    {"fallback", REPORT_FALLBACK},
    {"susp", REPORT_SUSP},
    {"frame", REPORT_FRAME},
    {"analysis", REPORT_FALLBACK | REPORT_SUSP | REPORT_FRAME},
};

int report_parse(const char *list, unsigned *what) {
    for (;;) {
        size_t n = strcspn(list, ",");
        unsigned k = 0, nkinds = sizeof kinds / sizeof kinds[0];
        while (k < nkinds && !(strlen(kinds[k].name) == n &&
                               !strncmp(kinds[k].name, list, n)))
            k++;
        if (k == nkinds)
            return -1;
        *what |= kinds[k].what;
        if (!list[n])
            return 0;
        list += n + 1;
    }
}

void report_run(const struct unit *u, unsigned what) {
    for (unsigned i = 0; i < u->ncoros; i++) {
        const struct coro *co = &u->coros[i];
        if (what & REPORT_FALLBACK)
            report_fallback(u, co);
        if (what & REPORT_SUSP)
            report_susps(u, co);
        if (what & REPORT_FRAME)
            report_frame(co);
    }
}
