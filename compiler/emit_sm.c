/* emit_sm.c - the code of a state-machine coroutine (see emit_sm.h). */
#include "emit_sm.h"

#include "decl.h"
#include "frame.h"
#include "glue.h"

#include <stdlib.h>
#include <string.h>

/* The save and reload lists of each resume point, as macros defined
   before the step function, so that a suspension point reads as one line
   however many locals it keeps. */
static void spill_macros(const struct coro *co, int define, struct buf *b) {
    for (unsigned n = 1; n <= co->nlabels; n++) {
        const struct label *lb = &co->labels[n - 1];
        const struct susp *s = &co->susps[lb->susp];
        if (!lb->has_macros)
            continue;
        for (int save = 1; save >= 0; save--) {
            if (!define) {
                buf_printf(b, "#undef yc__%s_%u\n", save ? "save" : "load", n);
                continue;
            }
            buf_printf(b, "#define yc__%s_%u", save ? "save" : "load", n);
            unsigned count = 0;
            for (unsigned k = 0; k < s->nspills; k++, count++) {
                buf_puts(b, count % 4 ? "" : " \\\n    ");
                frame_spill_local(&co->locals[s->spills[k]], save, b);
            }
            for (unsigned k = 0; k < lb->ntemps; k++, count++) {
                unsigned t = lb->temps[k];
                buf_puts(b, count % 4 ? "" : " \\\n    ");
                frame_spill_temp(&co->temps[t - 1], t, save, b);
            }
            while (b->len && b->data[b->len - 1] == ' ')
                b->len--;
            buf_putc(b, '\n');
        }
    }
}

/* The step function's head: the coroutine's result type and parameters. */
static void step_head(const struct coro *co, struct buf *b) {
    static const char *const fixed[] = {"struct yc__frame *yc__fp",
                                        "struct yc__sched *yc__s"};
    struct buf d = {0}, after = {0};
    const char *why;
    char *name = xasprintf("yc__%s_step", co->name);
    glue_head(co, name, fixed, 2, &d, &after);
    if (co->decl->is_static)
        buf_puts(b, "static ");
    decl_format(co->ret, buf_str(&d), 0, b, &why);
    buf_puts(b, buf_str(&after));
    free(name);
    buf_free(&d);
    buf_free(&after);
}

/* The start of the step function, as a macro yc__NAME_enter defined before
   it: the typed frame, and the dispatch on the resume state - state 0
   starts the body (copying the pinned parameters into their slots), state
   n jumps to label yc__resume_n. A macro, so that all of it stands on the
   line of the function's head: lines of its own would take the user's
   line numbers that the #line directives give, and a debugger would stop
   in the dispatch at a breakpoint on the user's code. */
static void enter_macro(const struct coro *co, int define, struct buf *b) {
    const char *n = co->name;
    if (!define) {
        buf_printf(b, "#undef yc__%s_enter\n", n);
        return;
    }
    buf_printf(b,
               "#define yc__%s_enter \\\n    struct yc__%s_frame *yc__f = "
               "(struct yc__%s_frame *)(void *)yc__fp; \\\n",
               n, n, n);
    int awaits = 0;
    for (unsigned i = 0; i < co->nsusps; i++)
        awaits |= susp_has_callee_frame(&co->susps[i]);
    if (awaits)
        buf_puts(b, "    struct yc__frame *yc__cf; \\\n");
    buf_puts(b, "    (void)yc__f; \\\n    (void)yc__s;");
    /* A coroutine that never suspends has only state 0, and is called
       with no frame when awaited (yc__fp NULL): no dispatch, no slot. */
    if (co->never_suspends) {
        buf_puts(b, "\n");
        return;
    }
    buf_puts(b, " \\\n    switch (yc__state(yc__fp)) { \\\n    case 0:");
    for (unsigned i = 0; i < co->nparams; i++) {
        const struct local *l = &co->locals[i];
        if (!l->pinned)
            continue;
        if (decl_has_const_member(l->type))
            buf_printf(b, " YC__MEMCPY(&yc__f->%s, &%s, sizeof %s);", l->field,
                       l->name, l->name);
        else
            buf_printf(b, " yc__f->%s = %s;", l->field, l->name);
    }
    buf_puts(b, " break; \\\n");
    for (unsigned i = 1; i <= co->nlabels; i++)
        buf_printf(b, "    case %u: goto yc__resume_%u; \\\n", i, i);
    buf_printf(b,
               "    default: yc__bad_state(\"%s\", yc__state(yc__fp)); \\\n"
               "    }\n",
               n);
}

/* The resume function in the frame's header: runs the step function from
   the saved state - with the arguments stored in the frame at state 0,
   with zeros after a suspension, where the live ones are reloaded - and
   stores the result once the coroutine returns. */
static void resume_fn(struct unit *u, const struct coro *co, struct buf *out) {
    const char *n = co->name;
    const char *why;
    struct buf text = {0}, *b = &text;
    buf_printf(b,
               "static int yc__%s_resume(struct yc__frame *yc__fp, struct "
               "yc__sched *yc__s) {\n    struct yc__%s_frame *yc__f = (struct "
               "yc__%s_frame *)(void *)yc__fp;\n    ",
               n, n, n);
    if (!co->is_void) {
        decl_format(co->ret, "yc__r", DECL_STRIP_CONST, b, &why);
        buf_puts(b, " = ");
    }
    buf_printf(b, "yc__%s_step(yc__fp, yc__s", n);
    /* After the first step the argument slots hold saved locals: a zero
       of the parameter's type is passed instead, (T){0} so that any type
       takes it (a struct, a vector, a complex number). */
    for (unsigned i = 0; i < co->nparams; i++) {
        const struct local *l = &co->locals[i];
        struct buf zero = {0};
        CXType c = clang_getCanonicalType(l->type);
        if ((c.kind >= CXType_FirstBuiltin && c.kind <= CXType_LastBuiltin) ||
            c.kind == CXType_Pointer || c.kind == CXType_Enum ||
            c.kind == CXType_ConstantArray || c.kind == CXType_IncompleteArray)
            buf_puts(&zero, "0");
        else if (decl_format(l->type, "", DECL_STRIP_CONST | DECL_DECAY, &zero,
                             &why) == 0)
            buf_puts(&zero, "){0}");
        if (zero.len)
            buf_printf(b,
                       ",\n        yc__state(yc__fp) ? %s%s : yc__f->yc__a.%s",
                       zero.data[0] == '0' ? "" : "(", buf_str(&zero), l->name);
        else
            buf_printf(b, ",\n        yc__f->yc__a.%s", l->name);
        buf_free(&zero);
    }
    buf_puts(b,
             ");\n    if (YC__SUSPENDED())\n        return YC__SUSPENDED;\n");
    if (!co->is_void) {
        if (decl_has_const_member(co->ret))
            buf_puts(b, "    YC__MEMCPY(&yc__f->yc__res.yc__ret, &yc__r, "
                        "sizeof yc__r);\n");
        else
            buf_puts(b, "    yc__f->yc__res.yc__ret = yc__r;\n");
    }
    buf_puts(b, "    (void)yc__f;\n    return YC__DONE;\n}\n");
    glue_block(u, out, co->def_begin, buf_str(&text));
    buf_free(&text);
}

void emit_sm(struct unit *u, struct coro *co, struct buf *b) {
    const char *n = co->name;
    frame_emit(u, co, b);
    glue_zero(co, b);
    glue_prototype(u, co, b);
    buf_printf(b,
               "static int yc__%s_resume(struct yc__frame *, struct yc__sched "
               "*);\n",
               n);
    /* The frames of awaits of variadic coroutines (vcall.c). */
    glue_block(u, b, co->def_begin, buf_str(&co->calls));
    spill_macros(co, 1, b);
    enter_macro(co, 1, b);
    glue_func_names(u, co, 1, b);
    glue_line(u, b, co->def_begin);
    step_head(co, b);
    buf_printf(b, " { yc__%s_enter", co->name);
    glue_line(u, b, co->body_begin);
    edit_render(&u->edits, &u->src, co->body_begin, co->body_end, b);
    if (co->is_main)
        buf_puts(b, " return 0;");
    buf_puts(b, "\n}\n");
    glue_func_names(u, co, 0, b);
    enter_macro(co, 0, b);
    spill_macros(co, 0, b);
    resume_fn(u, co, b);
    glue_constructors(u, co, NULL, b);
    glue_wrapper(u, co, NULL, b);
}
