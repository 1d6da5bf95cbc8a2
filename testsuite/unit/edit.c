/* Unit test of compiler/edit.c, the list of replacements the passes make
   to the main file: fixed cases for each rule of edit.h, then random edit
   sequences checked against a plain model (a list searched from scratch
   for every question) that spells the rules out directly. */
// RUN: %{unit}/unit-edit | FileCheck %s
#include "edit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct source text(const char *s) {
    struct source src = {0};
    src.data = (char *)s;
    src.len = (unsigned)strlen(s);
    return src;
}

static void show(const char *what, struct edits *e, struct source *src,
                 unsigned b, unsigned end) {
    char *t = edit_text(e, src, b, end);
    printf("%s: [%s]\n", what, t);
    free(t);
}

static void fixed_cases(void) {
    struct source src = text("int x = f(a) + g(b);");
    struct edits e = {0};
    show("untouched", &e, &src, 0, src.len);
    // CHECK: untouched: [int x = f(a) + g(b);]
    edit_replace(&e, 8, 12, "t1");
    edit_replace(&e, 15, 19, "t2");
    show("two replacements", &e, &src, 0, src.len);
    // CHECK-NEXT: two replacements: [int x = t1 + t2;]
    show("a range holding one", &e, &src, 4, 13);
    // CHECK-NEXT: a range holding one: [x = t1 ]
    edit_replace(&e, 8, 19, "OUTER");
    show("an outer edit supersedes the inner ones", &e, &src, 0, src.len);
    // CHECK-NEXT: an outer edit supersedes the inner ones: [int x = OUTER;]
    edit_replace(&e, 8, 19, "OUTER");
    printf("identical edit ignored: %u edit(s)\n", e.n);
    // CHECK-NEXT: identical edit ignored: 1 edit(s)
    edit_replace(&e, 0, 3, "long");
    edit_replace(&e, 0, 0, "A ");
    edit_replace(&e, 0, 0, "B ");
    show("insertions keep their order, before a replacement at the same offset",
         &e, &src, 0, src.len);
    // CHECK-NEXT: insertions keep their order, before a replacement at the same offset: [A B long x = OUTER;]
    edit_replace(&e, 0, 5, "unsigned x");
    show("a replacement supersedes the insertions at its start", &e, &src, 0,
         src.len);
    // CHECK-NEXT: a replacement supersedes the insertions at its start: [unsigned x = OUTER;]
    edit_replace(&e, 8, 8, "(void)");
    show("an insertion at a range's end is outside it", &e, &src, 5, 8);
    // CHECK-NEXT: an insertion at a range's end is outside it: [ = ]
    show("an insertion at a range's start is inside it", &e, &src, 8, 20);
    // CHECK-NEXT: an insertion at a range's start is inside it: [(void)OUTER;]
    edit_free(&e);
}

/* The model: edits in the order they were added. */
struct medit {
    unsigned begin, end, seq;
    char text[16];
};

static int m_inside(const struct medit *it, unsigned b, unsigned e) {
    if (it->begin == it->end)
        return b < e && it->begin >= b && it->begin < e;
    return it->begin >= b && it->end <= e;
}

static int m_disjoint(const struct medit *it, unsigned b, unsigned e) {
    if (b == e)
        return it->begin >= b || it->end <= b;
    if (it->begin == it->end)
        return it->begin < b || it->begin >= e;
    return it->end <= b || it->begin >= e;
}

static int m_cmp(const void *pa, const void *pb) {
    const struct medit *a = pa, *b = pb;
    if (a->begin != b->begin)
        return a->begin < b->begin ? -1 : 1;
    int ia = a->begin == a->end, ib = b->begin == b->end;
    if (ia != ib)
        return ia ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Renders [b, e) from the model: the edits inside it, in edit.h's order. */
static void m_render(const struct medit *m, unsigned n, const char *src,
                     unsigned b, unsigned e, char *out) {
    struct medit *s = malloc((n + 1) * sizeof *s);
    unsigned k = 0;
    for (unsigned i = 0; i < n; i++)
        if (m_inside(&m[i], b, e) ||
            (m[i].begin == m[i].end && m[i].begin == b && b == e))
            s[k++] = m[i];
    qsort(s, k, sizeof *s, m_cmp);
    unsigned pos = b;
    *out = 0;
    for (unsigned i = 0; i < k; i++) {
        strncat(out, src + pos, s[i].begin - pos);
        strcat(out, s[i].text);
        pos = s[i].end;
    }
    strncat(out, src + pos, e - pos);
    free(s);
}

static unsigned rnd(unsigned *state, unsigned n) {
    *state = *state * 1103515245u + 12345u;
    return (*state >> 16) % n;
}

static int random_cases(unsigned runs) {
    static const char src_text[] =
        "the quick brown fox jumps over the lazy dog; then again it rests";
    struct source src = text(src_text);
    unsigned state = 1, failures = 0;
    for (unsigned run = 0; run < runs; run++) {
        struct edits e = {0};
        struct medit m[400];
        unsigned n = 0, seq = 0;
        for (unsigned step = 0; step < 300; step++) {
            unsigned b = rnd(&state, src.len + 1);
            unsigned len = rnd(&state, 4) ? rnd(&state, 6) : rnd(&state, 30);
            unsigned end = b + len > src.len ? src.len : b + len;
            int ok = 1;
            for (unsigned i = 0; i < n; i++)
                ok &= m_inside(&m[i], b, end) || m_disjoint(&m[i], b, end);
            if (!ok)
                continue; /* a partial overlap aborts: a translator bug */
            char t[16];
            snprintf(t, sizeof t, "<%u>", seq);
            edit_replace(&e, b, end, t);
            unsigned k = 0;
            for (unsigned i = 0; i < n; i++)
                if (!m_inside(&m[i], b, end))
                    m[k++] = m[i];
            n = k;
            m[n] = (struct medit){b, end, seq++, ""};
            strcpy(m[n++].text, t);
            /* The whole text and a random range that splits no edit. */
            char want[8192], *got = edit_text(&e, &src, 0, src.len);
            m_render(m, n, src_text, 0, src.len, want);
            if (strcmp(got, want) || e.n != n) {
                printf("run %u step %u: got [%s] want [%s]\n", run, step, got,
                       want);
                failures++;
            }
            free(got);
            unsigned rb = rnd(&state, src.len + 1);
            unsigned re = rb + rnd(&state, src.len + 1 - rb);
            int splits = 0;
            for (unsigned i = 0; i < n; i++)
                splits |=
                    !m_inside(&m[i], rb, re) && !m_disjoint(&m[i], rb, re);
            if (!splits && rb < re) {
                got = edit_text(&e, &src, rb, re);
                m_render(m, n, src_text, rb, re, want);
                if (strcmp(got, want)) {
                    printf("run %u step %u range [%u,%u): got [%s] want [%s]\n",
                           run, step, rb, re, got, want);
                    failures++;
                }
                free(got);
            }
            if (failures > 5)
                return 1;
        }
        edit_free(&e);
    }
    printf("random edit sequences: %u runs, %u failures\n", runs, failures);
    return failures != 0;
}

int main(void) {
    fixed_cases();
    return random_cases(200);
    // CHECK-NEXT: random edit sequences: 200 runs, 0 failures
}
