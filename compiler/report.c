/* report.c - the analysis report (--emit=WHAT): for each coroutine, how
   it is lowered and why (a state machine or the stackful fallback), its
   suspension points, and its frame layout as the C compiler will lay it
   out, with the locals that stay ordinary C locals of the step function
   (--frame-report is --emit=frame). For users reading why a function
   became what it became. */
#include "report.h"

#include "frame.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Prints "FILE:LINE:COL" of main-file offset off, as diagnostics do. */
static void print_loc(const struct unit *u, unsigned off) {
    unsigned line, col;
    source_linecol(&u->src, off, &line, &col);
    printf("%s:%u:%u", u->src.path, line, col);
}

/* ------------------------------------------------------------------ */
/* The frame layout                                                    */
/* ------------------------------------------------------------------ */

/* The layout of nested structs and unions, as a C compiler lays them out:
   a struct's members one after the other, each at its alignment; a
   union's all at its start. */
struct level {
    int is_union;
    long long start; /* offset of the struct or union */
    long long off;   /* a struct: the next free offset */
    long long size;  /* a union: its largest member */
    long long align; /* the largest alignment inside */
};

struct layout {
    struct level *stack; /* [0] is the frame, one more per nesting */
    unsigned depth, cap;
};

static long long round_up(long long x, long long a) {
    return (x + a - 1) / a * a;
}

/* Places a member of the given size and alignment in the innermost level;
   returns its offset. */
static long long place(struct layout *ly, long long size, long long align) {
    struct level *l = &ly->stack[ly->depth];
    if (align > l->align)
        l->align = align;
    if (l->is_union) {
        if (size > l->size)
            l->size = size;
        return l->start;
    }
    l->off = round_up(l->off, align);
    long long at = l->off;
    l->off += size;
    return at;
}

static void size_align(const struct slot *s, long long *size,
                       long long *align) {
    CXType c = clang_getCanonicalType(s->type);
    int decays =
        !strcmp(s->what, "argument") &&
        (c.kind == CXType_ConstantArray || c.kind == CXType_IncompleteArray ||
         c.kind == CXType_FunctionProto || c.kind == CXType_FunctionNoProto);
    if (s->is_int) {
        *size = *align = 4;
    } else if (decays) {
        *size = *align = (long long)sizeof(void *);
    } else {
        *size = clang_Type_getSizeOf(s->type);
        *align = clang_Type_getAlignOf(s->type);
    }
    if (*size < 0)
        *size = 0;
    if (*align <= 0)
        *align = 1;
}

static void report_slot(void *ctx, const struct slot *s) {
    struct layout *ly = ctx;
    if (s->kind == SLOT_STRUCT || s->kind == SLOT_UNION) {
        struct level *outer = &ly->stack[ly->depth];
        long long start =
            outer->is_union ? outer->start : outer->off; /* realigned below */
        if (++ly->depth == ly->cap) {
            ly->cap *= 2;
            ly->stack = xrealloc(ly->stack, ly->cap * sizeof *ly->stack);
        }
        ly->stack[ly->depth] =
            (struct level){s->kind == SLOT_UNION, start, start, 0, 1};
        return;
    }
    if (s->kind == SLOT_END) {
        struct level l = ly->stack[ly->depth--];
        long long size = l.is_union ? l.size : l.off - l.start;
        /* A nested struct or union starts at its own alignment: the
           members were placed from an unaligned start, which is only off
           when the alignment grew; C compilers start it aligned. */
        size = round_up(size, l.align);
        place(ly, size, l.align);
        return;
    }
    long long size, align;
    size_align(s, &size, &align);
    long long at = place(ly, size, align);
    CXString sp = clang_getTypeSpelling(s->type);
    printf("  %4lld %4lld  %s %s%s%s (%s)%s\n", at, size, s->what, s->name,
           strcmp(s->name, s->field) ? " as " : "",
           strcmp(s->name, s->field) ? s->field : "",
           s->is_int ? "int" : clang_getCString(sp),
           s->pinned ? ", lives there" : "");
    clang_disposeString(sp);
}

/* The frame layout of co. */
static void report_frame(const struct coro *co) {
    if (co->stackful) {
        const char *why = "--stackful";
        for (unsigned i = 0; i < co->nreasons; i++)
            if (strcmp(co->reasons[i].what, "--stackful")) {
                why = co->reasons[i].what;
                break;
            }
        printf("frame of %s: stackful (%s), locals on its own stack\n",
               co->name, why);
        return;
    }
    printf("frame of %s:\n", co->name);
    /* struct yc__frame: a pointer and two unsigned ints. */
    struct layout ly = {xcalloc(16, sizeof *ly.stack), 0, 16};
    long long header = (long long)sizeof(void *) + 8;
    ly.stack[0] = (struct level){0, 0, header, 0, 8};
    printf("  %4d %4lld  header\n", 0, header);
    if (!co->is_void) {
        long long size = clang_Type_getSizeOf(co->ret);
        long long align = clang_Type_getAlignOf(co->ret);
        long long at = place(&ly, size, align > 0 ? align : 1);
        CXString sp = clang_getTypeSpelling(co->ret);
        printf("  %4lld %4lld  result (%s)\n", at, size, clang_getCString(sp));
        clang_disposeString(sp);
    }
    /* The header and result form struct yc__NAME_res, padded to its
       alignment before the first slot. */
    ly.stack[0].off = round_up(ly.stack[0].off, ly.stack[0].align);
    struct frame_visit v = {report_slot, &ly};
    frame_walk(co, &v);
    long long size = round_up(ly.stack[0].off, ly.stack[0].align);
    free(ly.stack);
    printf("  size %lld bytes, %u suspension point%s\n", size, co->nlabels,
           co->nlabels == 1 ? "" : "s");
    int first = 1;
    for (unsigned i = 0; i < co->nlocals; i++) {
        const struct local *l = &co->locals[i];
        if (l->pinned || l->spilled)
            continue;
        printf("%s %s%s", first ? "  C locals:" : ",", l->name,
               l->is_static ? " (static)" : "");
        first = 0;
    }
    if (!first)
        printf("\n");
}

/* ------------------------------------------------------------------ */
/* Lowering and suspension points                                      */
/* ------------------------------------------------------------------ */

/* Which lowering co gets, and every reason for the stackful form. */
static void report_fallback(const struct unit *u, const struct coro *co) {
    printf("lowering of %s: ", co->name);
    if (!co->stackful) {
        printf("state machine\n");
        return;
    }
    /* --stackful is named only when it is the sole reason: the others
       say what the state machine could not express. */
    unsigned own = 0;
    for (unsigned i = 0; i < co->nreasons; i++)
        own += strcmp(co->reasons[i].what, "--stackful") != 0;
    if (!own) {
        printf("stackful, as --stackful asks\n");
        return;
    }
    printf("stackful\n");
    for (unsigned i = 0; i < co->nreasons; i++) {
        if (!strcmp(co->reasons[i].what, "--stackful"))
            continue;
        printf("  because of %s at ", co->reasons[i].what);
        print_loc(u, co->reasons[i].off);
        printf("\n");
    }
}

/* The suspension points of co, in source order, and what each suspends
   on; then the awaits that are plain calls (of coroutines that never
   suspend). */
static void report_susps(const struct unit *u, const struct coro *co) {
    unsigned n = 0;
    for (unsigned i = 0; i < co->nsusps; i++)
        n += susp_counts(&co->susps[i]);
    printf("suspension points of %s: %u\n", co->name, n);
    for (unsigned i = 0; i < co->nsusps; i++) {
        const struct susp *s = &co->susps[i];
        if (!susp_counts(s))
            continue;
        printf("  ");
        print_loc(u, s->begin);
        if (s->kind == MARK_YIELD)
            printf(": YC_YIELD\n");
        else if (s->callee)
            printf(": YC_AWAIT of %s()\n", s->callee->name);
        else
            printf(": YC_AWAIT through a coroutine pointer\n");
    }
    for (unsigned i = 0; i < co->nsusps; i++) {
        const struct susp *s = &co->susps[i];
        if (!s->direct)
            continue;
        printf("  ");
        print_loc(u, s->begin);
        printf(": YC_AWAIT of %s(), a plain call: it never suspends\n",
               s->callee->name);
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
