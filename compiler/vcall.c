/* vcall.c - call-site frames for coroutines that keep their own C frame
   (see vcall.h). For the site V of a call `G(a, b, ...)`:

     struct V { struct yc__frame yc__hdr; R yc__ret;
                struct yc__fiber_slot yc__fs; A yc__a0; B yc__a1; ... };
     static void V_entry(struct yc__frame *)          calls (G)(a0, a1, ...)
     static int V_resume(struct yc__frame *, struct yc__sched *)
     static struct yc__frame *V_new(struct yc__sched *, struct yc__frame *
                                    caller, A, B, ...)

   Each argument is kept with the type C gives it at the call (converted to
   its parameter's type, or default-promoted for "..."), so the call from
   the entry passes the same values. The header and result come first, as
   in every frame, so a caller reads the result where it reads any
   callee's, and yc__async finds it there. */
#include "vcall.h"

#include "cursor.h"
#include "decl.h"
#include "probe.h"

#include <stdio.h>
#include <stdlib.h>

/* Whether a type can be named at file scope: not variably modified, not
   declared in co's body (co may be NULL: a plain function's call). */
static int nameable(const struct unit *u, const struct coro *co, CXType t) {
    if (cursor_variably_modified(t))
        return 1; /* a pointer to a VLA: kept as a void * */
    struct buf b = {0};
    const char *why;
    int unnamed = 0;
    int ok = decl_format(t, "x", DECL_STRIP_CONST, &b, &why) == 0 &&
             !(co && cursor_type_is_local(&u->src, co->body_begin, co->body_end,
                                          t, &unnamed)) &&
             !unnamed;
    buf_free(&b);
    return ok;
}

int vcall_possible(const struct unit *u, const struct coro *co,
                   const struct corodecl *g, CXCursor call, const char **why) {
    if (clang_getCursorKind(clang_getCursorSemanticParent(g->cursor)) !=
        CXCursor_TranslationUnit) {
        *why = g->is_variadic ? "a call of a variadic coroutine declared "
                                "in a function"
                              : "a call of a coroutine with a variably "
                                "modified parameter declared in a function";
        return 0;
    }
    CXType rt = clang_getResultType(g->type);
    int n = clang_Cursor_getNumArguments(call);
    int ok =
        n >= 0 && n <= 128 && (cursor_type_is_void(rt) || nameable(u, co, rt));
    for (int i = 0; ok && i < n; i++)
        ok = nameable(u, co,
                      clang_getCursorType(clang_Cursor_getArgument(call, i)));
    if (!ok)
        *why = g->is_variadic
                   ? "a call of a variadic coroutine with an argument or "
                     "result of a type local to the body"
                   : "a call of a coroutine with a variably modified "
                     "parameter with an argument or result of a type local "
                     "to the body";
    return ok;
}

/* The type of argument i of call, as a declaration of `name`. */
static void arg_decl(CXCursor call, int i, const char *name, struct buf *b) {
    const char *why;
    CXType t = clang_getCursorType(clang_Cursor_getArgument(call, i));
    /* A pointer to a VLA converts to void * and back, at the call. */
    if (cursor_variably_modified(t))
        buf_printf(b, "void *%s", name);
    else
        decl_format(t, name, DECL_STRIP_CONST, b, &why);
}

void vcall_site(const struct corodecl *g, CXCursor call, const char *v,
                struct buf *b) {
    CXType rt = clang_getResultType(g->type);
    int is_void = cursor_type_is_void(rt);
    int n = clang_Cursor_getNumArguments(call);
    const char *why;
    buf_printf(b, "struct %s {\n    struct yc__frame yc__hdr;\n", v);
    if (!is_void) {
        buf_puts(b, "    ");
        decl_format(rt, "yc__ret", DECL_STRIP_CONST, b, &why);
        buf_puts(b, ";\n");
    }
    buf_puts(b, "    struct yc__fiber_slot yc__fs;\n");
    for (int i = 0; i < n; i++) {
        char name[32];
        snprintf(name, sizeof name, "yc__a%d", i);
        buf_puts(b, "    ");
        arg_decl(call, i, name, b);
        buf_puts(b, ";\n");
    }
    buf_puts(b, "};\n");
    /* The entry, on the new stack: the call as written. The parentheses
       keep a function-like macro of the same name out. */
    buf_printf(b,
               "static void %s_entry(struct yc__frame *yc__fp) {\n    struct "
               "%s *yc__v = (struct %s *)(void *)yc__fp;\n    ",
               v, v, v);
    if (!is_void) {
        decl_format(rt, "yc__r", DECL_STRIP_CONST, b, &why);
        buf_puts(b, " = ");
    }
    buf_printf(b, "(%s)(", g->name);
    for (int i = 0; i < n; i++)
        buf_printf(b, "%syc__v->yc__a%d", i ? ", " : "", i);
    buf_puts(b, ");\n");
    if (!is_void)
        buf_puts(b, "    YC__MEMCPY(&yc__v->yc__ret, &yc__r, sizeof yc__r);\n");
    buf_puts(b, "}\n");
    buf_printf(b,
               "static int %s_resume(struct yc__frame *yc__fp, struct "
               "yc__sched *yc__s) {\n    return yc__fiber_step(yc__fp, yc__s, "
               "&((struct %s *)(void *)yc__fp)->yc__fs);\n}\n",
               v, v);
    /* The frame, made with the arguments (copied: a struct with a const
       member cannot be assigned). */
    buf_printf(b,
               "static YC__UNUSED struct yc__frame *%s_new(struct yc__sched "
               "*yc__s, struct yc__frame *yc__caller",
               v);
    for (int i = 0; i < n; i++) {
        char name[32];
        snprintf(name, sizeof name, "yc__x%d", i);
        buf_puts(b, ", ");
        arg_decl(call, i, name, b);
    }
    buf_printf(b,
               ") {\n    struct %s *yc__v = (struct %s *)(void "
               "*)yc__frame_new(yc__s, sizeof *yc__v, YC__ALIGNOF(struct %s), "
               "%s_resume, yc__caller);\n",
               v, v, v, v);
    for (int i = 0; i < n; i++)
        buf_printf(b,
                   "    YC__MEMCPY(&yc__v->yc__a%d, &yc__x%d, sizeof "
                   "yc__x%d);\n",
                   i, i, i);
    buf_printf(b,
               "    yc__fiber_slot_init(&yc__v->yc__fs, %s_entry);\n    return "
               "&yc__v->yc__hdr;\n}\n",
               v);
}
