/* stackful.c - the stackful lowering (see stackful.h). */
#include "stackful.h"

#include "decl.h"
#include "find.h"
#include "glue.h"
#include "spawn.h"

#include <stdlib.h>
#include <string.h>

void stackful_lower(struct unit *u, struct coro *co) {
    /* Each suspension point first tells reports its line (a body on a
       stack of its own keeps no frame; a coroutine that keeps its own C
       frame pushes no call record to tell). */
    int at = !co->decl->as_written;
    for (unsigned i = 0; i < co->nsusps; i++) {
        const struct susp *s = &co->susps[i];
        /* A marker from a user macro is defined for the body instead (see
           markers_in_macros). */
        if (find_invocation(u, s->begin, 1) >= 0)
            continue;
        unsigned line, col;
        source_linecol(&u->src, s->begin, &line, &col);
        char *text;
        if (s->kind == MARK_YIELD) {
            text = at ? xasprintf("(yc__stack_at(yc__rec, %u), "
                                  "yc__fiber_yield(yc__sched_get()))",
                                  line)
                      : xstrdup("yc__fiber_yield(yc__sched_get())");
            edit_replace(&u->edits, s->begin, s->end, text);
            free(text);
            continue;
        }
        /* YC_AWAIT(call) -> (call): replace the macro name only, so that
           awaits nested in the call's arguments keep their own edits. */
        unsigned open = s->begin;
        while (open < s->end && u->src.data[open] != '(')
            open++;
        text =
            at ? xasprintf("(yc__stack_at(yc__rec, %u), ", line) : xstrdup("(");
        edit_replace(&u->edits, s->begin, open + 1, text);
        free(text);
    }
    for (unsigned i = 0; i < u->nspawns; i++)
        if (u->spawns[i].in == co)
            spawn_lower(u, &u->spawns[i]);
}

/* Whether a marker of co's body comes from a user macro: the markers'
   macros are then defined as the stackful form needs them. */
static int markers_in_macros(const struct unit *u, const struct coro *co) {
    for (unsigned i = 0; i < co->nsusps; i++)
        if (find_invocation(u, co->susps[i].begin, 1) >= 0)
            return 1;
    return 0;
}

/* The markers as the stackful form needs them, for those that user macros
   in co's body write. */
static void marker_macros(const struct unit *u, const struct coro *co,
                          struct buf *b) {
    if (!markers_in_macros(u, co))
        return;
    if (co->decl->as_written)
        buf_puts(b, "#undef YC_AWAIT\n#define YC_AWAIT(e) (e)\n"
                    "#undef YC_YIELD\n#define YC_YIELD() "
                    "yc__fiber_yield(yc__sched_get())\n");
    else
        buf_puts(b, "#undef YC_AWAIT\n#define YC_AWAIT(e) "
                    "(yc__stack_at(yc__rec, __LINE__), e)\n"
                    "#undef YC_YIELD\n#define YC_YIELD() "
                    "(yc__stack_at(yc__rec, __LINE__), "
                    "yc__fiber_yield(yc__sched_get()))\n");
}

/* "T name(struct yc__stack_call *yc__rec, P1 a, P2 b)" for the body
   function: yc__rec is its call record (yieldc/abi.h). */
static void body_decl(const struct coro *co, const char *name, struct buf *b) {
    struct buf d = {0}, p = {0};
    const char *why;
    glue_params(co, 1, &p);
    buf_printf(&d, "%s(struct yc__stack_call *yc__rec YC__UNUSED%s)", name,
               buf_str(&p));
    decl_format(co->ret, buf_str(&d), 0, b, &why);
    buf_free(&d);
    buf_free(&p);
}

/* A coroutine that keeps its own C frame (variadic, or with a parameter
   of variably modified type): the function stays as written and runs on
   the stack of whoever calls it; awaits and spawns of it run it from a
   call-site frame (vcall.h). */
static void emit_as_written(struct unit *u, struct coro *co, struct buf *b) {
    marker_macros(u, co, b);
    glue_line(u, b, co->def_begin);
    edit_render(&u->edits, &u->src, co->def_begin, co->def_end, b);
    buf_putc(b, '\n');
}

/* The frame: the result, the fiber slot (its stack and context) and the
   arguments, which the entry passes to the body on the new stack. */
static void emit_frame(const struct coro *co, struct buf *b) {
    const char *n = co->name;
    buf_printf(b,
               "struct yc__%s_frame { struct yc__%s_res yc__res; struct "
               "yc__fiber_slot yc__fs; struct {",
               n, n);
    for (unsigned i = 0; i < co->nparams; i++) {
        const struct local *l = &co->locals[i];
        buf_putc(b, ' ');
        glue_param_decl(l->type, l->name, 1, b);
        buf_putc(b, ';');
    }
    buf_puts(b, " } yc__a; };\n");
    glue_zero(co, b);
}

/* The body, as written, on the micro-thread's own stack. It calls
   coroutines - itself too - through their wrappers, so the wrapper's
   prototype comes first. */
static void emit_body(struct unit *u, struct coro *co, const char *body_name,
                      struct buf *b) {
    glue_prototype(u, co, b);
    marker_macros(u, co, b);
    glue_func_names(u, co, 1, b);
    glue_line(u, b, co->body_begin);
    buf_puts(b, "static ");
    body_decl(co, body_name, b);
    /* main returns 0 when it runs off its end; a function of another
       name would return garbage. */
    buf_puts(b, co->is_main ? " { " : " ");
    edit_render(&u->edits, &u->src, co->body_begin, co->body_end, b);
    buf_puts(b, co->is_main ? " return 0; }\n" : "\n");
    glue_func_names(u, co, 0, b);
}

/* The entry runs the body on the new stack and stores its result; the
   resume function switches to that stack. */
static void emit_entry(struct unit *u, struct coro *co, const char *body_name,
                       struct buf *out) {
    const char *n = co->name, *why;
    struct buf text = {0}, *b = &text;
    unsigned line, col;
    source_linecol(&u->src, co->def_begin, &line, &col);
    /* The call record of the body on its stack (yieldc/abi.h). */
    buf_printf(b,
               "static int yc__%s_resume(struct yc__frame *, struct yc__sched "
               "*);\n",
               n);
    buf_printf(b,
               "static YC__NO_ASAN void yc__%s_entry(struct yc__frame "
               "*yc__fp) {\n    "
               "struct yc__%s_frame *yc__f = (struct yc__%s_frame *)(void "
               "*)yc__fp;\n    (void)yc__f;\n    struct yc__sched *yc__s = "
               "yc__sched_get();\n"
               "    struct yc__stack_call yc__c;\n    yc__stack_push(yc__s, "
               "&yc__c, yc__%s_resume, %uu);\n    ",
               n, n, n, n, line);
    struct buf call = {0}, a = {0};
    glue_args(co, "yc__f->yc__a.", &a);
    buf_printf(&call, "%s(&yc__c%s)", body_name, buf_str(&a));
    if (co->is_void) {
        buf_printf(b, "%s;\n", buf_str(&call));
    } else if (decl_has_const_member(co->ret)) {
        decl_format(co->ret, "yc__v", DECL_STRIP_CONST, b, &why);
        buf_printf(b,
                   " = %s;\n    YC__MEMCPY(&yc__f->yc__res.yc__ret, &yc__v, "
                   "sizeof yc__v);\n",
                   buf_str(&call));
    } else {
        buf_printf(b, "yc__f->yc__res.yc__ret = %s;\n", buf_str(&call));
    }
    buf_puts(b, "    yc__stack_pop(yc__s, &yc__c);\n}\n");
    buf_printf(b,
               "static int yc__%s_resume(struct yc__frame *yc__fp, struct "
               "yc__sched *yc__s) {\n    return yc__fiber_step(yc__fp, yc__s, "
               "&((struct yc__%s_frame *)(void *)yc__fp)->yc__fs);\n}\n",
               n, n);
    glue_block(u, out, co->def_begin, buf_str(&text));
    buf_free(&text);
    buf_free(&call);
    buf_free(&a);
}

/* The step function, for an awaiting state machine: store the arguments,
   run the stack. */
static void emit_step(struct unit *u, const struct coro *co, struct buf *out) {
    const char *n = co->name, *why;
    static const char *const fixed[] = {"struct yc__frame *yc__fp",
                                        "struct yc__sched *yc__s"};
    struct buf d = {0}, after = {0}, text = {0}, *b = &text;
    char *name = xasprintf("yc__%s_step", n);
    glue_head(co, name, fixed, 2, &d, &after);
    free(name);
    if (co->decl->is_static)
        buf_puts(b, "static ");
    decl_format(co->ret, buf_str(&d), 0, b, &why);
    buf_puts(b, buf_str(&after));
    buf_free(&after);
    buf_printf(b,
               " {\n    struct yc__%s_frame *yc__f = (struct yc__%s_frame "
               "*)(void *)yc__fp;\n",
               n, n);
    for (unsigned i = 0; i < co->nparams; i++) {
        const struct local *l = &co->locals[i];
        if (decl_has_const_member(l->type))
            buf_printf(b, "    YC__MEMCPY(&yc__f->yc__a.%s, &%s, sizeof %s);\n",
                       l->name, l->name, l->name);
        else
            buf_printf(b, "    yc__f->yc__a.%s = %s;\n", l->name, l->name);
    }
    buf_printf(b,
               "    if (yc__%s_resume(yc__fp, yc__s))\n        return%s%s%s;\n",
               n, co->is_void ? "" : " yc__", co->is_void ? "" : n,
               co->is_void ? "" : "_z");
    if (co->is_void)
        buf_puts(b, "    (void)yc__f;\n}\n");
    else
        buf_puts(b, "    return yc__f->yc__res.yc__ret;\n}\n");
    glue_block(u, out, co->def_begin, buf_str(&text));
    buf_free(&text);
    buf_free(&d);
}

void stackful_emit(struct unit *u, struct coro *co, struct buf *b) {
    if (co->decl->as_written) {
        emit_as_written(u, co, b);
        return;
    }
    char *body_name = xasprintf("yc__%s_body", co->name);
    emit_frame(co, b);
    emit_body(u, co, body_name, b);
    emit_entry(u, co, body_name, b);
    char *init = xasprintf("yc__fiber_slot_init(&yc__f->yc__fs, yc__%s_entry);",
                           co->name);
    glue_constructors(u, co, init, b);
    free(init);
    emit_step(u, co, b);
    glue_wrapper(u, co, body_name, b);
    free(body_name);
}
