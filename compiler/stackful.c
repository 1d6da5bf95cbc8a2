/* stackful.c - the stackful lowering: for --stackful, and for coroutines
   that a state machine cannot express (a VLA, alloca, setjmp, a computed
   goto, a nested function, a suspension inside a statement expression, a
   variadic coroutine).

   The body stays a plain C function with its locals on a stack of its own:
   YC_AWAIT(call) becomes the plain call (on a stackful micro-thread every
   coroutine's wrapper suspends the stack when the coroutine suspends) and
   YC_YIELD() a call of the runtime. The frame, the start function and the
   wrapper keep the same prototypes as the state-machine form, so callers
   do not change. */
#include "decl.h"
#include "diag.h"
#include "pass.h"

#include <stdlib.h>
#include <string.h>

void stackful_lower(struct unit *u, struct coro *co) {
    for (unsigned i = 0; i < co->nsusps; i++) {
        const struct susp *s = &co->susps[i];
        if (s->kind == SUSP_YIELD) {
            edit_replace(&u->edits, s->begin, s->end,
                         "yc__fiber_yield(yc__sched_get())");
            continue;
        }
        /* YC_AWAIT(call) -> (call): replace the macro name only, so that
           awaits nested in the call's arguments keep their own edits. */
        unsigned open = s->begin;
        while (open < s->end && u->src.data[open] != '(')
            open++;
        edit_replace(&u->edits, s->begin, open + 1, "(");
    }
}

/* "name" -> "T name(P1 a, P2 b)" for the body function. */
static void body_decl(const struct coro *co, const char *name,
                      struct buf *b) {
    struct buf d = {0};
    const char *why;
    buf_printf(&d, "%s(", name);
    int params = 0;
    for (unsigned i = 0; i < co->nlocals; i++) {
        const struct local *l = &co->locals[i];
        if (!l->is_param)
            continue;
        if (params++)
            buf_puts(&d, ", ");
        decl_format(l->type, l->name, DECL_DECAY, &d, &why);
    }
    buf_puts(&d, params ? ")" : "void)");
    decl_format(co->ret, buf_str(&d), 0, b, &why);
    buf_free(&d);
}

static void param_list(const struct coro *co, const char *prefix,
                       struct buf *b) {
    int n = 0;
    for (unsigned i = 0; i < co->nlocals; i++)
        if (co->locals[i].is_param)
            buf_printf(b, "%s%s%s", n++ ? ", " : "", prefix,
                       co->locals[i].name);
}

void stackful_emit(struct unit *u, struct coro *co, struct buf *b) {
    const char *n = co->name;
    const char *st = co->decl->is_static ? "static " : "";
    const char *why;
    if (co->decl->is_variadic) {
        /* Arguments of "..." cannot be moved to another stack: the function
           stays as written and runs on the stack of whoever calls it. */
        emit_line(u, b, co->def_begin);
        edit_render(&u->edits, &u->src, co->def_begin, co->def_end, b);
        buf_putc(b, '\n');
        return;
    }
    buf_printf(b,
               "struct yc__%s_frame { struct yc__%s_res yc__res; struct "
               "yc__fiber_slot yc__fs;",
               n, n);
    for (unsigned i = 0; i < co->nlocals; i++) {
        const struct local *l = &co->locals[i];
        if (!l->is_param)
            continue;
        buf_putc(b, ' ');
        decl_format(l->type, l->name, DECL_DECAY | DECL_STRIP_CONST, b, &why);
        buf_putc(b, ';');
    }
    buf_puts(b, " };\n");

    /* The body, as written, on the micro-thread's own stack. It calls
       coroutines - itself too - through their wrappers, so the wrapper's
       prototype comes first. */
    char *body_name = xasprintf("yc__%s_body", n);
    emit_line(u, b, co->def_begin);
    buf_putn(b, u->src.data + co->def_begin, co->body_begin - co->def_begin);
    buf_puts(b, ";\n");
    emit_line(u, b, co->body_begin);
    buf_puts(b, "static ");
    body_decl(co, body_name, b);
    buf_putc(b, ' ');
    edit_render(&u->edits, &u->src, co->body_begin, co->body_end, b);
    buf_putc(b, '\n');

    emit_line(u, b, co->def_begin);
    buf_printf(b,
               "static void yc__%s_entry(struct yc__frame *yc__fp) { struct "
               "yc__%s_frame *yc__f = (struct yc__%s_frame *)yc__fp; "
               "(void)yc__f; ",
               n, n, n);
    /* A struct with const members cannot be assigned: copy it. */
    int copy = !co->is_void && decl_has_const_member(co->ret);
    if (copy) {
        buf_puts(b, "{ ");
        decl_format(co->ret, "yc__v", DECL_STRIP_CONST, b, &why);
        buf_puts(b, " = ");
    } else if (!co->is_void) {
        buf_puts(b, "yc__f->yc__res.yc__ret = ");
    }
    buf_printf(b, "%s(", body_name);
    param_list(co, "yc__f->", b);
    buf_puts(b, copy ? "); memcpy(&yc__f->yc__res.yc__ret, &yc__v, sizeof "
                       "yc__v); } }\n"
                     : "); }\n");
    buf_printf(b,
               "%sint yc__%s_step(struct yc__frame *yc__fp, struct yc__sched "
               "*yc__s) { return yc__fiber_step(yc__fp, yc__s, &((struct "
               "yc__%s_frame *)yc__fp)->yc__fs); }\n",
               st, n, n);
    char *entry = xasprintf("yc__%s_entry", n);
    emit_start(u, co, b, entry);
    free(entry);
    emit_wrapper(u, co, b, body_name);
    free(body_name);
}
