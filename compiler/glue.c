/* glue.c - the generated functions both lowerings share (see glue.h). */
#include "glue.h"
#include "cursor.h"

#include "decl.h"
#include "diag.h"
#include "find.h"

#include <stdlib.h>
#include <string.h>

void glue_path(const struct unit *u, struct buf *b) {
    /* Escaped once: a #line precedes each generated line. */
    struct buf *lit = (struct buf *)&u->path_lit;
    if (!lit->len)
        for (const char *p = u->src.path; *p; p++) {
            if (*p == '"' || *p == '\\')
                buf_putc(lit, '\\');
            buf_putc(lit, *p);
        }
    buf_putn(b, lit->data, lit->len);
}

void glue_line(const struct unit *u, struct buf *b, unsigned off) {
    unsigned line, col;
    source_linecol(&u->src, off, &line, &col);
    if (b->len && b->data[b->len - 1] != '\n')
        buf_putc(b, '\n');
    buf_printf(b, "#line %u \"", line);
    glue_path(u, b);
    buf_putn(b, "\"\n", 2);
}

void glue_block(const struct unit *u, struct buf *b, unsigned off,
                const char *text) {
    int joined = 0; /* the line before ended with a backslash */
    struct buf dir = {0};
    glue_line(u, &dir, off);
    while (*text) {
        const char *nl = strchr(text, '\n');
        size_t n = nl ? (size_t)(nl - text) : strlen(text);
        if (!joined) {
            if (b->len && b->data[b->len - 1] != '\n')
                buf_putc(b, '\n');
            buf_putn(b, dir.data, dir.len);
        }
        joined = n && text[n - 1] == '\\';
        buf_putn(b, text, n);
        buf_putc(b, '\n');
        text += n + (nl != NULL);
    }
    buf_free(&dir);
}

/* A static coroutine's generated functions may go unused (one that is
   never awaited has no use for its step function). */
static const char *linkage(const struct corodecl *d) {
    return d->is_static ? "static YC__UNUSED " : "";
}

/* A parameter's type as the generated functions declare it: a top-level
   const goes (a reload assigns the parameter), an array keeps its
   element's qualifiers. */
static unsigned param_flags(CXType t) {
    CXType c = clang_getCanonicalType(t);
    int array = c.kind == CXType_ConstantArray ||
                c.kind == CXType_IncompleteArray ||
                c.kind == CXType_VariableArray;
    return array ? 0 : DECL_STRIP_CONST;
}

void glue_param_decl(CXType t, const char *name, int field, struct buf *b) {
    const char *why;
    struct buf d = {0};
    /* As declared (va_list stays va_list), else decayed (int a[n] is int
       *a), else void * (a pointer to a variable-length array). */
    if ((!field && decl_format(t, name, param_flags(t), &d, &why) == 0) ||
        decl_format(t, name, DECL_STRIP_CONST | DECL_DECAY, &d, &why) == 0)
        buf_puts(b, buf_str(&d));
    else
        buf_printf(b, "void *%s", name);
    buf_free(&d);
}

void glue_params(const struct coro *co, int names, struct buf *b) {
    for (unsigned i = 0; i < co->nparams; i++) {
        const struct local *l = &co->locals[i];
        buf_puts(b, ", ");
        glue_param_decl(l->type, names ? l->name : "", 0, b);
    }
}

int glue_knr(const struct coro *co) {
    return clang_getCursorType(co->def).kind == CXType_FunctionNoProto;
}

/* The identifier that ends declaration d ("struct yc__frame *yc__fp"). */
static const char *declared_name(const char *d) {
    const char *e = d + strlen(d);
    while (e > d &&
           (e[-1] == '_' || (e[-1] >= 'a' && e[-1] <= 'z') ||
            (e[-1] >= 'A' && e[-1] <= 'Z') || (e[-1] >= '0' && e[-1] <= '9')))
        e--;
    return e;
}

void glue_head(const struct coro *co, const char *name,
               const char *const *fixed, int nfixed, struct buf *d,
               struct buf *after) {
    const char *why;
    buf_printf(d, "%s(", name);
    if (!glue_knr(co)) {
        for (int i = 0; i < nfixed; i++)
            buf_printf(d, "%s%s", i ? ", " : "", fixed[i]);
        glue_params(co, 1, d);
        buf_putc(d, ')');
        return;
    }
    /* Old style, as the coroutine is: calls of it are unprototyped. */
    for (int i = 0; i < nfixed; i++)
        buf_printf(d, "%s%s", i ? ", " : "", declared_name(fixed[i]));
    glue_args(co, "", d);
    buf_putc(d, ')');
    for (int i = 0; i < nfixed; i++)
        buf_printf(after, " %s;", fixed[i]);
    for (unsigned i = 0; i < co->nparams; i++) {
        const struct local *l = &co->locals[i];
        buf_putc(after, ' ');
        if (decl_format(l->type, l->name, 0, after, &why) != 0)
            buf_printf(after, "int %s", l->name);
        buf_putc(after, ';');
    }
}

void glue_args(const struct coro *co, const char *prefix, struct buf *b) {
    for (unsigned i = 0; i < co->nparams; i++)
        buf_printf(b, ", %s%s", prefix, co->locals[i].name);
}

/* ", T1, T2" of a coroutine declared but not defined here; 0 if its
   declaration has no prototype. */
static int decl_params(struct corodecl *d, struct buf *b) {
    if (d->def && glue_knr(d->def))
        return 0;
    if (d->def) {
        glue_params(d->def, 0, b);
        return 1;
    }
    if (d->type.kind != CXType_FunctionProto)
        return 0;
    int n = clang_getNumArgTypes(d->type);
    for (int i = 0; i < n; i++) {
        buf_puts(b, ", ");
        glue_param_decl(clang_getArgType(d->type, (unsigned)i), "", 0, b);
    }
    return 1;
}

void glue_declare(struct unit *u, struct corodecl *d, struct buf *b) {
    (void)u;
    if (d->emitted || d->as_written)
        return;
    d->emitted = 1;
    CXType ret = clang_getResultType(d->type);
    const char *why;
    buf_printf(b, "struct yc__%s_res { struct yc__frame yc__hdr;", d->name);
    if (!cursor_type_is_void(ret)) {
        buf_putc(b, ' ');
        if (decl_format(ret, "yc__ret", DECL_STRIP_CONST, b, &why) != 0)
            diag_loc(clang_getCursorLocation(d->cursor), DIAG_ERROR,
                     "result of coroutine '%s': %s is not supported", d->name,
                     why);
        buf_putc(b, ';');
    }
    buf_puts(b, " };\n");
    struct buf params = {0};
    int proto = decl_params(d, &params);
    /* T yc__NAME_step(struct yc__frame *, struct yc__sched *, P) */
    struct buf step = {0};
    buf_printf(&step, "yc__%s_step(", d->name);
    if (proto)
        buf_printf(&step, "struct yc__frame *, struct yc__sched *%s",
                   buf_str(&params));
    buf_putc(&step, ')');
    buf_puts(b, linkage(d));
    decl_format(ret, buf_str(&step), 0, b, &why);
    buf_puts(b, ";\n");
    buf_printf(b,
               "%sstruct yc__frame *yc__%s_new(struct yc__sched *, struct "
               "yc__frame *);\n",
               linkage(d), d->name);
    if (proto)
        buf_printf(b,
                   "%sstruct yc__frame *yc__%s_start(struct yc__sched *, "
                   "struct yc__frame *%s);\n",
                   linkage(d), d->name, buf_str(&params));
    else
        buf_printf(b, "%sstruct yc__frame *yc__%s_start();\n", linkage(d),
                   d->name);
    buf_free(&params);
    buf_free(&step);
}

void glue_zero(const struct coro *co, struct buf *b) {
    if (co->is_void)
        return;
    const char *why;
    char *name = xasprintf("yc__%s_z", co->name);
    buf_puts(b, "static const ");
    decl_format(co->ret, name, DECL_STRIP_CONST, b, &why);
    buf_puts(b, ";\n");
    free(name);
}

/* Appends "dst = src;" for a value of type t, copying a struct with const
   members. */
static void store(struct buf *b, const char *dst, const char *src, CXType t) {
    if (decl_has_const_member(t))
        buf_printf(b, "YC__MEMCPY(&%s, &%s, sizeof %s);", dst, src, dst);
    else
        buf_printf(b, "%s = %s;", dst, src);
}

void glue_constructors(struct unit *u, const struct coro *co, const char *init,
                       struct buf *out) {
    const char *n = co->name;
    const char *st = linkage(co->decl);
    struct buf text = {0}, *b = &text;
    buf_printf(b,
               "%sstruct yc__frame *yc__%s_new(struct yc__sched *yc__s, "
               "struct yc__frame *yc__caller) {\n",
               st, n);
    if (init)
        buf_printf(b,
                   "    struct yc__%s_frame *yc__f = (struct yc__%s_frame "
                   "*)(void *)yc__frame_new(\n        yc__s, sizeof *yc__f, "
                   "YC__ALIGNOF(struct yc__%s_frame), yc__%s_resume, "
                   "yc__caller);\n    %s\n    return "
                   "&yc__f->yc__res.yc__hdr;\n}\n",
                   n, n, n, n, init);
    else
        buf_printf(b,
                   "    return yc__frame_new(yc__s, sizeof(struct "
                   "yc__%s_frame), YC__ALIGNOF(struct yc__%s_frame), "
                   "yc__%s_resume, yc__caller);\n}\n",
                   n, n, n);
    static const char *const fixed[] = {"struct yc__sched *yc__s",
                                        "struct yc__frame *yc__caller"};
    char *start = xasprintf("yc__%s_start", n);
    struct buf d = {0}, after = {0};
    glue_head(co, start, fixed, 2, &d, &after);
    buf_printf(b, "%sstruct yc__frame *%s%s", st, buf_str(&d), buf_str(&after));
    buf_free(&d);
    buf_free(&after);
    free(start);
    buf_printf(b,
               " {\n    struct yc__%s_frame *yc__f = (struct yc__%s_frame "
               "*)(void *)yc__%s_new(yc__s, yc__caller);\n",
               n, n, n);
    for (unsigned i = 0; i < co->nparams; i++) {
        const struct local *l = &co->locals[i];
        char *dst = xasprintf("yc__f->yc__a.%s", l->name);
        buf_puts(b, "    ");
        store(b, dst, l->name, l->type);
        buf_putc(b, '\n');
        free(dst);
    }
    buf_puts(b, "    return &yc__f->yc__res.yc__hdr;\n}\n");
    glue_block(u, out, co->def_begin, buf_str(&text));
    buf_free(&text);
}

void glue_prototype(struct unit *u, const struct coro *co, struct buf *b) {
    (void)u;
    const char *why;
    struct buf d = {0};
    CXType t = co->decl->type.kind == CXType_FunctionProto
                   ? co->decl->type
                   : clang_getCursorType(co->def);
    if (co->decl->is_static)
        buf_puts(&d, "static ");
    decl_format(t, co->name, 0, &d, &why);
    if (co->decl->is_static)
        /* The program uses a static coroutine through YC_AWAIT, which does
           not call the wrapper: keep the compiler from calling it unused. */
        buf_printf(b,
                   "#if defined(__GNUC__) || defined(__clang__)\n"
                   "%s __attribute__((__unused__));\n#else\n%s;\n#endif\n",
                   buf_str(&d), buf_str(&d));
    else
        buf_printf(b, "%s;\n", buf_str(&d));
    buf_free(&d);
}

void glue_wrapper(struct unit *u, const struct coro *co, const char *fiber_body,
                  struct buf *out) {
    const char *n = co->name;
    struct buf args = {0}, text = {0}, *b = &text;
    glue_args(co, "", &args);
    const char *a = buf_str(&args);
    /* The wrapper names itself for the await request; a parameter of the
       same name would hide it there, so the address is taken outside. */
    char *self = xstrdup(n);
    for (unsigned i = 0; i < co->nparams; i++)
        if (!strcmp(co->locals[i].name, n)) {
            free(self);
            self = xasprintf("yc__%s_self", n);
            buf_printf(b, "static YC__UNUSED const yc__fn %s = (yc__fn)%s;\n",
                       self, n);
            break;
        }
    /* The head as written, with names for unnamed parameters. */
    if (fiber_body)
        buf_puts(b, "YC__NO_ASAN ");
    unsigned at = co->def_begin;
    for (unsigned i = 0; i < co->nparams; i++) {
        const struct local *l = &co->locals[i];
        if (!l->unnamed || l->name_off < at || l->name_off > co->body_begin)
            continue;
        buf_putn(b, u->src.data + at, l->name_off - at);
        buf_printf(b, " %s", l->name);
        at = l->name_off;
    }
    buf_putn(b, u->src.data + at, co->body_begin - at);
    buf_puts(b, "{\n    struct yc__sched *yc__s = yc__sched_get();\n"
                "    struct yc__frame *yc__cf;\n");
    if (!co->is_main) {
        /* An await or spawn through a coroutine pointer asks for the frame
           only, wherever it runs. */
        buf_printf(b,
                   "    if (yc__await_requested(yc__s, (yc__fn)%s)) {\n"
                   "        yc__await_reply(yc__s, yc__%s_start(yc__s, "
                   "yc__await_caller(yc__s)%s));\n        return",
                   self, n, a);
        if (!co->is_void)
            buf_printf(b, " yc__%s_z", n);
        buf_puts(b, ";\n    }\n");
    }
    if (fiber_body) {
        /* On a stackful micro-thread the body simply runs here, inside a
           call record for reports (yieldc/abi.h). */
        unsigned line, col;
        const char *why;
        source_linecol(&u->src, co->def_begin, &line, &col);
        buf_printf(b,
                   "    if (yc__on_fiber(yc__s)) {\n        struct "
                   "yc__stack_call yc__c;\n        yc__stack_push(yc__s, "
                   "&yc__c, yc__%s_resume, %uu);\n        ",
                   n, line);
        if (co->is_void) {
            buf_printf(b, "%s(&yc__c%s);\n", fiber_body, a);
        } else {
            decl_format(co->ret, "yc__v", DECL_STRIP_CONST, b, &why);
            buf_printf(b, " = %s(&yc__c%s);\n", fiber_body, a);
        }
        buf_printf(b,
                   "        yc__stack_pop(yc__s, &yc__c);\n        return%s;"
                   "\n    }\n",
                   co->is_void ? "" : " yc__v");
    }
    buf_printf(
        b,
        "    yc__cf = yc__%s_start(yc__s, yc__sync_caller(yc__s)%s);\n    "
        "yc__run_sync(yc__s, yc__cf);\n",
        n, a);
    if (!co->is_void) {
        const char *why;
        buf_puts(b, "    {\n        ");
        decl_format(co->ret, "yc__r", DECL_STRIP_CONST, b, &why);
        buf_printf(b,
                   " = ((struct yc__%s_res *)(void *)yc__cf)->yc__ret;\n"
                   "        yc__frame_free(yc__s, yc__cf);\n        return "
                   "yc__r;\n    }\n}\n",
                   n);
    } else {
        buf_puts(b, "    yc__frame_free(yc__s, yc__cf);\n}\n");
    }
    glue_block(u, out, co->def_begin, buf_str(&text));
    buf_free(&text);
    buf_free(&args);
    free(self);
}

/* Whether co's body may name its function: it spells __func__ or its
   GNU variants, or uses a user macro, whose body may (assert does). */
static int names_function(const struct unit *u, const struct coro *co) {
    static const char *const names[] = {"__func__", "__FUNCTION__",
                                        "__PRETTY_FUNCTION__"};
    const char *body = u->src.data + co->body_begin;
    size_t n = co->body_end - co->body_begin;
    for (int i = 0; i < 3; i++) {
        size_t k = strlen(names[i]);
        for (const char *p = body; p + k <= body + n; p++) {
            p = memchr(p, '_', (size_t)(body + n - p));
            if (!p || p + k > body + n)
                break;
            if (!memcmp(p, names[i], k))
                return 1;
        }
    }
    for (unsigned i = find_macros_from(u, co->body_begin); i < u->nmacros;
         i++) {
        const struct invocation *m = &u->macros[i];
        if (m->begin >= co->body_end)
            break;
        if (m->begin >= co->body_begin && !m->is_marker && !m->is_builtin)
            return 1;
    }
    return 0;
}

void glue_func_names(const struct unit *u, const struct coro *co, int define,
                     struct buf *b) {
    static const char *const names[] = {"__func__", "__FUNCTION__",
                                        "__PRETTY_FUNCTION__", NULL};
    if (!names_function(u, co))
        return;
    if (b->len && b->data[b->len - 1] != '\n')
        buf_putc(b, '\n');
    for (int i = 0; names[i]; i++)
        if (define)
            buf_printf(b, "#define %s \"%s\"\n", names[i], co->name);
        else
            buf_printf(b, "#undef %s\n", names[i]);
}
