/* lower_lines.c - laying out the text of a rewritten statement as lines
   (see lower_state.h). */
#include "find.h"
#include "glue.h"
#include "lower_state.h"

#include <string.h>

void lower_lines_init(struct lower *L) {
    const struct coro *co = L->co;
    const char *b = L->u->src.data + co->body_begin;
    /* A body that holds the byte itself keeps its rewrites on one line. */
    L->br = memchr(b, LOWER_BREAK[0], co->body_end - co->body_begin)
                ? " "
                : LOWER_BREAK;
}

static unsigned newlines(const char *p) {
    unsigned n = 0;
    for (; *p; p++)
        n += *p == '\n';
    return n;
}

/* Starts a generated line: a new line, the #line directive `dir`, and the
   indentation of `col`. */
static void start_line(struct buf *o, const struct buf *dir, unsigned col) {
    static const char spaces[] = "                                ";
    buf_putc(o, '\n');
    buf_putn(o, dir->data, dir->len);
    for (unsigned n = col ? col - 1 : 0; n;) {
        unsigned k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
        buf_putn(o, spaces, k);
        n -= k;
    }
}

static void trim_end(struct buf *o) {
    while (o->len && o->data[o->len - 1] == ' ')
        o->data[--o->len] = 0;
}

/* Whether the line being written holds only an opening brace: the next
   generated line goes on with it. */
static int lone_brace(const struct buf *o) {
    size_t i = o->len;
    while (i && o->data[i - 1] == ' ')
        i--;
    if (!i || o->data[i - 1] != '{')
        return 0;
    for (i--; i && o->data[i - 1] == ' '; i--)
        ;
    return !i || o->data[i - 1] == '\n';
}

/* Whether the next generated line would hold only closing braces: they
   end the line before instead. */
static int only_closing(const char *p) {
    for (; *p && *p != LOWER_BREAK[0]; p++)
        if (*p != '}' && *p != ' ')
            return 0;
    return 1;
}

/* Whether only blanks follow offset e on its line. */
static int rest_blank(const struct source *src, unsigned e) {
    for (; e < src->len && src->data[e] != '\n'; e++)
        if (src->data[e] != ' ' && src->data[e] != '\t' && src->data[e] != '\r')
            return 0;
    return 1;
}

/* Copies the character at p (two for an escape or a comment's delimiter)
   and returns the last one copied, keeping track of what p is in ('"',
   '\'': a literal; '*', '/': a comment) and of the braces open outside. */
static const char *copy_char(struct buf *o, const char *p, char *in,
                             unsigned *depth) {
    if (*in == '"' || *in == '\'') {
        if (*p == '\\' && p[1] && p[1] != LOWER_BREAK[0])
            buf_putc(o, *p++);
        else if (*p == *in)
            *in = 0;
    } else if (*in == '*') {
        if (p[0] == '*' && p[1] == '/') {
            buf_putc(o, *p++);
            *in = 0;
        }
    } else if (*in == '/') {
        if (*p == '\n')
            *in = 0;
    } else if (p[0] == '/' && (p[1] == '*' || p[1] == '/')) {
        *in = p[1];
        buf_putc(o, *p++);
    } else if (*p == '"' || *p == '\'') {
        *in = *p;
    } else if (*p == '{' || *p == '}') {
        *depth += *p == '{' ? 1 : *depth ? -1u : 0;
    }
    buf_putc(o, *p);
    return p;
}

void lower_place(struct lower *L, unsigned b, unsigned e, const char *text) {
    struct unit *u = L->u;
    unsigned lb, cb, le, ce;
    source_linecol(&u->src, b, &lb, &cb);
    source_linecol(&u->src, e, &le, &ce);
    /* A directive inside a macro's arguments is undefined behaviour: a
       rewrite there stays on its lines. */
    int in_macro = find_invocation(u, b, 0) >= 0 ||
                   (e > b && find_invocation(u, e - 1, 0) >= 0);
    struct buf o = {0}, dir = {0}; /* dir: the #line of b, once needed */
    int broke = 0;
    unsigned depth = 0; /* braces open: each level indents 4 more */
    char in = 0;        /* inside a literal ('"', '\''), a comment ('*', '/') */
    /* A body that holds the mark's byte itself has no marks in its
       rewrites (lower_lines_init): its bytes are the user's. */
    int marks = L->br[0] == LOWER_BREAK[0];
    const char *special = marks ? "\"'/*{}\\\n" LOWER_BREAK : "\"'/*{}\\\n";
    for (const char *p = text; *p; p++) {
        size_t plain = strcspn(p, special);
        if (plain) {
            buf_putn(&o, p, plain);
            p += plain - 1;
            continue;
        }
        if (*p != LOWER_BREAK[0] || !marks) {
            p = copy_char(&o, p, &in, &depth);
            continue;
        }
        in = 0;
        while (p[1] == LOWER_BREAK[0] || p[1] == ' ')
            p++;
        if (!p[1])
            break;
        if (in_macro || lone_brace(&o) || only_closing(p + 1)) {
            if (o.len && o.data[o.len - 1] != ' ')
                buf_putc(&o, ' ');
            continue;
        }
        trim_end(&o);
        if (!dir.len)
            glue_line(u, &dir, b);
        start_line(&o, &dir, cb + 4 * depth);
        broke = 1;
    }
    trim_end(&o);
    /* What follows the statement stays on its line: a #line after
       generated lines, or the newlines the rewrite dropped. */
    unsigned have = newlines(buf_str(&o)), want = le - lb;
    if (!in_macro && (broke || have > want)) {
        buf_free(&dir);
        glue_line(u, &dir, e);
        start_line(&o, &dir, rest_blank(&u->src, e) ? 0 : ce);
    } else
        for (; have < want; have++)
            buf_putc(&o, '\n');
    edit_replace(&u->edits, b, e, buf_str(&o));
    buf_free(&o);
    buf_free(&dir);
}
