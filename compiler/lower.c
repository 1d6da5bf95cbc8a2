/* lower.c - pass 4: rewrite each coroutine body for its step function.

   The body keeps its shape: the same statements, loops and labels, so that
   the C compiler sees nearly the code the user wrote. The rewrites:

   - a local that lives in the frame is named through the frame pointer
     (x becomes yc__f->x) and its declaration becomes an assignment;
   - `return e` stores e in the frame's result and returns YC__DONE;
   - each suspension point is moved out of its expression into statements
     placed before the statement that holds it ("hoisted"): they start the
     callee, save the resume state, return YC__SUSPENDED, and carry the label
     `yc__resume_N` that the dispatch switch jumps to; a temporary takes the
     result and replaces the await in the expression;
   - C's sequencing is kept while hoisting: the right operand of && and ||,
     and the arms of ?:, become if statements when they hold a suspension,
     so they are still evaluated only when C would; the left operand of a
     comma runs before the right one's suspensions; a loop condition or
     for-increment with a suspension is re-evaluated where C would evaluate
     it, and `continue` is redirected there;
   - a compound literal whose storage outlives a suspension is copied into
     a frame field and named there;
   - YC_SPAWN(f(...)) and YC_ASYNC(f(...)) start f as a new task (also
     outside coroutines).

   Coroutines marked stackful are left to stackful.c.

   An await calls the callee's step function directly, so a callee that
   does not suspend costs one call; the result is read and the callee's
   frame freed either right away or after the resume.

   Hoisting moves an await before operands that C leaves unsequenced with
   it (the operands of +, the arguments of a call, the two sides of =);
   C allows either order there, so no program can rely on the other one. */
#include "decl.h"
#include "diag.h"
#include "pass.h"

#include <stdlib.h>
#include <string.h>

#define HDR "yc__f->yc__res.yc__hdr"

/* Lowering state of one coroutine. */
struct lower {
    struct unit *u;
    struct coro *co;
};

/* The loop a `continue` belongs to, and where it must go when the loop's
   condition or increment was moved into the body. */
struct loop {
    const char *cont_label; /* NULL: leave `continue` alone */
};

static char *render(struct lower *L, unsigned b, unsigned e) {
    return edit_text(&L->u->edits, &L->u->src, b, e);
}

/* A cursor's text. libclang cuts the extent of an expression short when its
   last token comes from a marker macro nested in another macro's argument
   (YC_AWAIT(f(YC_AWAIT(g())))); the true end is then the end of that
   marker's text, which analyse found. */
static int range_of(struct lower *L, CXCursor c, unsigned *b, unsigned *e) {
    if (!source_range(&L->u->src, c, b, e))
        return 0;
    const struct coro *co = L->co;
    for (unsigned i = 0; co && i < co->nsusps; i++)
        if (co->susps[i].begin >= *b && co->susps[i].begin <= *e &&
            co->susps[i].end > *e)
            *e = co->susps[i].end;
    return 1;
}

static char *render_cursor(struct lower *L, CXCursor c) {
    unsigned b, e;
    if (!range_of(L, c, &b, &e))
        return xstrdup("");
    return render(L, b, e);
}

/* Number of suspension points inside [b, e). */
static unsigned susps_in(const struct coro *co, unsigned b, unsigned e) {
    unsigned n = 0;
    for (unsigned i = 0; i < co->nsusps; i++)
        n += co->susps[i].begin >= b && co->susps[i].end <= e;
    return n;
}

static unsigned cursor_susps(struct lower *L, CXCursor c) {
    unsigned b, e;
    return range_of(L, c, &b, &e) ? susps_in(L->co, b, e) : 0;
}

/* A new temporary of type t (int if is_int); in the frame when the
   clause being lowered has more than one suspension point. Returns how the
   body names it. */
static const char *add_temp(struct lower *L, CXType t, int is_int) {
    struct coro *co = L->co;
    struct temp *tp = VEC_PUSH(co->temps, co->ntemps, co->captemps);
    memset(tp, 0, sizeof *tp);
    tp->type = t;
    tp->is_int = is_int;
    /* Named yc__tN everywhere: if the temporary turns out to be needed
       across a suspension (see keep_results), emit makes the name a macro
       for its frame field within the step function. */
    tp->in_frame = 0;
    tp->name = xasprintf("yc__t%u", co->ntemps);
    tp->ref = xstrdup(tp->name);
    return tp->ref;
}

static const char *new_temp(struct lower *L, CXType t) {
    return add_temp(L, t, 0);
}

static const char *int_type_temp(struct lower *L) {
    CXType none;
    memset(&none, 0, sizeof none);
    return add_temp(L, none, 1);
}

/* ------------------------------------------------------------------ */
/* Operators                                                            */
/* ------------------------------------------------------------------ */

static const char *const binary_ops[] = {
    "*",  "/",  "%",  "+",  "-",  "<<", ">>", "<",   ">",   "<=",  ">=",
    "==", "!=", "&",  "^",  "|",  "&&", "||", "=",   "*=",  "/=",  "%=",
    "+=", "-=", "<<=", ">>=", "&=", "^=", "|=", ",", NULL};

/* The operator of a binary operator written in the main file, found in the
   text between its operands; NULL when a macro supplies the operator (the
   node's text then does not start and end with its operands'). */
static const char *binop(struct lower *L, CXCursor c, CXCursor lhs,
                         CXCursor rhs) {
    const struct source *src = &L->u->src;
    unsigned nb, ne, lb, le, rb, re;
    if (!range_of(L, c, &nb, &ne) || !range_of(L, lhs, &lb, &le) ||
        !range_of(L, rhs, &rb, &re) || nb != lb || ne != re || le > rb)
        return NULL;
    unsigned ob = source_skip_space(src, le), oe = ob;
    while (oe < rb && strchr("*/%+-<>=!&^|,", src->data[oe]))
        oe++;
    if (source_skip_space(src, oe) != rb)
        return NULL;
    for (int i = 0; binary_ops[i]; i++)
        if (source_is(src, ob, oe, binary_ops[i]))
            return binary_ops[i];
    return NULL;
}

/* Whether a ?: is written in the main file: its text runs from its
   condition to its else-arm with '?' and ':' between the parts. */
static int textual_conditional(struct lower *L, CXCursor c, struct kids *k) {
    const struct source *src = &L->u->src;
    unsigned nb, ne, cb, ce, tb, te, eb, ee;
    if (k->n != 3 || !range_of(L, c, &nb, &ne) ||
        !range_of(L, k->c[0], &cb, &ce) || !range_of(L, k->c[1], &tb, &te) ||
        !range_of(L, k->c[2], &eb, &ee))
        return 0;
    unsigned q = source_skip_space(src, ce), colon = source_skip_space(src, te);
    return nb == cb && ne == ee && q < src->len && src->data[q] == '?' &&
           source_skip_space(src, q + 1) == tb && colon < src->len &&
           src->data[colon] == ':' && source_skip_space(src, colon + 1) == eb;
}

/* ------------------------------------------------------------------ */
/* Expressions                                                          */
/* ------------------------------------------------------------------ */

static int lower_expr(struct lower *L, CXCursor c, struct buf *h);

/* Whether a suspension point lies in c's subtree. Ranges cannot tell when
   a macro supplies the node (its text is then the whole invocation). */
static enum CXChildVisitResult find_marker(CXCursor c, CXCursor parent,
                                           CXClientData data) {
    (void)parent;
    int *found = data;
    if (!clang_Cursor_isNull(marker_operand(c, "yc__await_mark")) ||
        is_marker_call(c, "yc__yield_mark")) {
        *found = 1;
        return CXChildVisit_Break;
    }
    return CXChildVisit_Recurse;
}

static int has_susp(struct lower *L, CXCursor c) {
    if (cursor_susps(L, c) == 0)
        return 0;
    int found = 0;
    find_marker(c, clang_getNullCursor(), &found);
    if (!found)
        clang_visitChildren(c, find_marker, &found);
    return found;
}

/* Splits the text of a call's argument list at its top-level commas: the
   ranges of its arguments as written. libclang's extent of an argument
   that ends in a macro (f(x, NULL)) can be cut short, while the text is
   exact. Returns the number of arguments found, at most max, or -1 when
   the call's text does not show its parentheses (a macro supplies them). */
static int split_args(struct lower *L, CXCursor call, unsigned *begins,
                      unsigned *ends, int max) {
    const struct source *src = &L->u->src;
    unsigned b, e;
    CXCursor callee = cursor_child(call, 0);
    unsigned cb, ce;
    if (!range_of(L, call, &b, &e) || !range_of(L, callee, &cb, &ce) ||
        cb != b)
        return -1;
    unsigned i = source_skip_space(src, ce);
    if (i >= e || src->data[i] != '(' || src->data[e - 1] != ')')
        return -1;
    int n = 0, depth = 0;
    unsigned start = i + 1;
    for (i = i + 1; i < e; i++) {
        char c = src->data[i];
        if (c == '"' || c == '\'') {
            for (i++; i < e && src->data[i] != c; i++)
                if (src->data[i] == '\\')
                    i++;
        } else if (c == '/' && (src->data[i + 1] == '*' ||
                                src->data[i + 1] == '/')) {
            i = source_skip_space(src, i) - 1;
        } else if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
            depth--;
        } else if ((c == ',' || c == ')') && depth == 0) {
            unsigned ab = source_skip_space(src, start), ae = i;
            while (ae > ab && (src->data[ae - 1] == ' ' ||
                               src->data[ae - 1] == '\t' ||
                               src->data[ae - 1] == '\n'))
                ae--;
            if (ab < ae || c == ',') {
                if (n == max)
                    return -1;
                begins[n] = ab;
                ends[n] = ae;
                n++;
            }
            start = i + 1;
            if (c == ')')
                break;
        }
    }
    return n;
}

/* The rendered arguments of a call, separated by ", ". */
static char *call_args(struct lower *L, CXCursor call) {
    struct buf b = {0};
    int n = clang_Cursor_getNumArguments(call);
    unsigned begins[128], ends[128];
    int textual = n <= 128 && split_args(L, call, begins, ends, 128) == n;
    for (int i = 0; i < n; i++) {
        char *t = textual ? render(L, begins[i], ends[i])
                          : render_cursor(L, clang_Cursor_getArgument(
                                                 call, (unsigned)i));
        buf_printf(&b, "%s%s", i ? ", " : "", t);
        free(t);
    }
    return buf_take(&b);
}

static const struct susp *susp_at(const struct coro *co, unsigned b) {
    for (unsigned i = 0; i < co->nsusps; i++)
        if (co->susps[i].begin == b)
            return &co->susps[i];
    return NULL;
}

/* A new resume label for suspension point s; its line goes into the
   coroutine's record for reports. */
static unsigned new_label(struct lower *L, const struct susp *s) {
    struct coro *co = L->co;
    unsigned line, col;
    source_linecol(&L->u->src, s->begin, &line, &col);
    *VEC_PUSH(co->label_lines, co->nlabels, co->caplabels) = line;
    return co->nlabels;
}

/* Appends the statements of an await to h: start the callee, run it until
   it finishes or suspends, and after a resume find its finished frame in
   yc__cf. If `result` is given, the result is stored there. */
static void await_text(struct lower *L, const struct susp *s,
                       const char *result, struct buf *h) {
    char *args = call_args(L, s->call);
    const char *name = s->callee->name;
    unsigned label = new_label(L, s);
    buf_printf(h, "yc__cf = yc__%s_start(yc__s, &" HDR "%s%s); ", name,
               *args ? ", " : "", args);
    /* The state is saved before the callee runs, not only when it
       suspends, so that a backtrace taken inside the callee (yc_backtrace)
       sees the line this frame waits at. */
    buf_printf(h,
               HDR ".state = %u; if (YC__UNLIKELY(yc__%s_step(yc__cf, "
               "yc__s))) return YC__SUSPENDED; ",
               label, name);
    buf_printf(h,
               "if (0) { yc__resume_%u: yc__cf = yc__callee_done(yc__s); } ",
               label);
    if (result && decl_has_const_member(clang_getResultType(s->callee->type)))
        buf_printf(h,
                   "memcpy(&%s, &((struct yc__%s_res *)yc__cf)->yc__ret, "
                   "sizeof %s); ",
                   result, name, result);
    else if (result)
        buf_printf(h, "%s = ((struct yc__%s_res *)yc__cf)->yc__ret; ", result,
                   name);
    buf_puts(h, "yc__frame_free(yc__s, yc__cf); ");
    free(args);
}

/* An await of a call through a function pointer: evaluate the pointer once
   into a temporary, call it with an await request so that a coroutine's
   wrapper only creates its frame, then run that frame like any callee. A
   plain function behind the pointer runs in the call and its value is the
   result. */
static void await_ptr_text(struct lower *L, const struct susp *s,
                           const char *result, struct buf *h) {
    CXCursor callee = cursor_child(s->call, 0);
    char *fn = render_cursor(L, callee);
    char *args = call_args(L, s->call);
    const char *fp = new_temp(L, clang_getCursorType(callee));
    CXType rt = clang_getCursorType(s->call);
    unsigned label = new_label(L, s);
    buf_printf(h, "%s = (%s); ", fp, fn);
    buf_printf(h,
               "yc__s->await_fn = (yc__fn)%s; yc__s->await_caller = &" HDR
               "; yc__s->await_frame = 0; ",
               fp);
    if (result)
        buf_printf(h, "%s = ", result);
    buf_printf(h, "%s(%s); yc__s->await_fn = 0; ", fp, args);
    buf_puts(h, "yc__cf = yc__s->await_frame; yc__s->await_frame = 0; ");
    buf_printf(h,
               "if (yc__cf) { " HDR ".state = %u; if (YC__UNLIKELY("
               "yc__cf->step(yc__cf, yc__s))) return YC__SUSPENDED; ",
               label);
    buf_printf(h,
               "if (0) { yc__resume_%u: yc__cf = yc__callee_done(yc__s); } ",
               label);
    if (result) {
        struct buf res = {0};
        const char *why;
        buf_puts(&res, "struct { struct yc__frame h; ");
        decl_format(rt, "r", DECL_STRIP_CONST, &res, &why);
        buf_puts(&res, "; } *");
        if (decl_has_const_member(rt))
            buf_printf(h, "memcpy(&%s, &((%s)yc__cf)->r, sizeof %s); ",
                       result, buf_str(&res), result);
        else
            buf_printf(h, "%s = ((%s)yc__cf)->r; ", result, buf_str(&res));
        buf_free(&res);
    }
    buf_puts(h, "yc__frame_free(yc__s, yc__cf); } ");
    free(fn);
    free(args);
}

static void yield_text(struct lower *L, const struct susp *s,
                       struct buf *h) {
    unsigned label = new_label(L, s);
    buf_printf(h,
               "if (yc__yield(yc__s, &" HDR ", %u)) return YC__SUSPENDED; "
               "yc__resume_%u:; ",
               label, label);
}

static int unsupported(struct lower *L, CXCursor c, const char *what);
static int lower_operands(struct lower *L, const CXCursor *ops, unsigned n,
                          struct buf *h);

static void replace(struct lower *L, CXCursor c, const char *text) {
    unsigned b, e;
    if (range_of(L, c, &b, &e))
        edit_replace(&L->u->edits, b, e, text);
}

/* The frame compound literal starting at b, or NULL. */
static const struct complit *literal_at(const struct coro *co, unsigned b) {
    for (unsigned i = 0; i < co->nlits; i++)
        if (co->lits[i].begin == b && co->lits[i].field)
            return &co->lits[i];
    return NULL;
}

/* A compound literal that lives in the frame: the literal is built as
   written and copied into its field, and the expression names the field
   (an lvalue, like the literal). */
static void lower_literal(struct unit *u, const struct complit *cl) {
    char *text = edit_text(&u->edits, &u->src, cl->begin, cl->end);
    char *t = xasprintf("(*(memcpy(&yc__f->%s, &%s, sizeof yc__f->%s), "
                        "&yc__f->%s))",
                        cl->field, text, cl->field, cl->field);
    edit_replace(&u->edits, cl->begin, cl->end, t);
    free(t);
    free(text);
}

/* A suspension point as an expression: hoisted into h, replaced by its
   temporary. `discard`: the value is not used. */
static int lower_susp(struct lower *L, CXCursor c, const struct susp *s,
                      int discard, struct buf *h) {
    if (s->kind == SUSP_YIELD) {
        yield_text(L, s, h);
        replace(L, c, "((void)0)");
        return 0;
    }
    if (s->callee && s->callee->is_variadic)
        return unsupported(L, c,
                           "awaiting a variadic coroutine from a state-machine "
                           "coroutine");
    int n = clang_Cursor_getNumArguments(s->call);
    CXCursor *ops = xcalloc((size_t)n + 1, sizeof *ops);
    unsigned nops = 0;
    if (!s->callee)
        ops[nops++] = cursor_child(s->call, 0);
    for (int i = 0; i < n; i++)
        ops[nops++] = clang_Cursor_getArgument(s->call, (unsigned)i);
    int rc = lower_operands(L, ops, nops, h);
    free(ops);
    if (rc)
        return -1;
    CXType t = clang_getCursorType(c);
    void (*text)(struct lower *, const struct susp *, const char *,
                 struct buf *) = s->callee ? await_text : await_ptr_text;
    if (discard || t.kind == CXType_Void) {
        text(L, s, NULL, h);
        replace(L, c, "((void)0)");
        return 0;
    }
    const char *tmp = new_temp(L, t);
    text(L, s, tmp, h);
    replace(L, c, tmp);
    return 0;
}

static int unsupported(struct lower *L, CXCursor c, const char *what) {
    unsigned b, e;
    if (range_of(L, c, &b, &e))
        diag_at(&L->u->src, b, DIAG_ERROR,
                "a suspension point %s is not supported yet; assign the "
                "awaited value to a variable first",
                what);
    else
        diag_loc(clang_getCursorLocation(c), DIAG_ERROR,
                 "a suspension point %s is not supported yet", what);
    return -1;
}

/* && and || with a suspension in the right operand become an if statement
   that evaluates it only when C would. */
static int lower_logical(struct lower *L, CXCursor c, const char *op,
                         CXCursor lhs, CXCursor rhs, struct buf *h) {
    if (lower_expr(L, lhs, h))
        return -1;
    struct buf r = {0};
    if (lower_expr(L, rhs, &r)) {
        buf_free(&r);
        return -1;
    }
    char *lt = render_cursor(L, lhs), *rt = render_cursor(L, rhs);
    const char *t = int_type_temp(L);
    if (!strcmp(op, "&&"))
        buf_printf(h, "if (%s) { %s%s = (%s) != 0; } else %s = 0; ", lt,
                   buf_str(&r), t, rt, t);
    else
        buf_printf(h, "if (%s) %s = 1; else { %s%s = (%s) != 0; } ", lt, t,
                   buf_str(&r), t, rt);
    replace(L, c, t);
    free(lt);
    free(rt);
    buf_free(&r);
    return 0;
}

/* A comma whose right operand suspends: the left operand runs first. */
static int lower_comma(struct lower *L, CXCursor c, CXCursor lhs,
                       CXCursor rhs, struct buf *h) {
    if (lower_expr(L, lhs, h))
        return -1;
    char *lt = render_cursor(L, lhs);
    buf_printf(h, "(void)(%s); ", lt);
    free(lt);
    if (lower_expr(L, rhs, h))
        return -1;
    char *rt = render_cursor(L, rhs), *paren = xasprintf("(%s)", rt);
    replace(L, c, paren);
    free(rt);
    free(paren);
    return 0;
}

/* ?: with a suspension in an arm becomes an if statement. */
static int lower_conditional(struct lower *L, CXCursor c, struct kids *k,
                             struct buf *h) {
    if (lower_expr(L, k->c[0], h))
        return -1;
    struct buf th = {0}, eh = {0};
    int rc = lower_expr(L, k->c[1], &th) || lower_expr(L, k->c[2], &eh);
    if (!rc) {
        char *ct = render_cursor(L, k->c[0]), *tt = render_cursor(L, k->c[1]),
             *et = render_cursor(L, k->c[2]);
        CXType type = clang_getCursorType(c);
        if (type.kind == CXType_Void) {
            buf_printf(h, "if (%s) { %s(void)(%s); } else { %s(void)(%s); } ",
                       ct, buf_str(&th), tt, buf_str(&eh), et);
            replace(L, c, "((void)0)");
        } else {
            const char *t = new_temp(L, type);
            buf_printf(h, "if (%s) { %s%s = %s; } else { %s%s = %s; } ", ct,
                       buf_str(&th), t, tt, buf_str(&eh), t, et);
            replace(L, c, t);
        }
        free(ct);
        free(tt);
        free(et);
    }
    buf_free(&th);
    buf_free(&eh);
    return rc ? -1 : 0;
}

/* Whether the text t names temporary `name` (yc__tN as a whole token). */
static int names_temp(const char *t, const char *name) {
    size_t n = strlen(name);
    for (const char *p = strstr(t, name); p; p = strstr(p + 1, name))
        if ((p == t || !(p[-1] == '_' || (p[-1] >= 'a' && p[-1] <= 'z') ||
                         (p[-1] >= 'A' && p[-1] <= 'Z') ||
                         (p[-1] >= '0' && p[-1] <= '9'))) &&
            !(p[n] == '_' || (p[n] >= '0' && p[n] <= '9')))
            return 1;
    return 0;
}

/* Lowers operands that C leaves unsequenced, left to right, into h. Their
   results are used together afterwards (by the operator or the awaited
   call), so a temporary in an operand's result must survive the
   suspension points of the operands lowered after it: it goes in the
   frame. Temporaries consumed inside an operand's own hoisted statements
   do not. Returns 0 or -1. */
static int lower_operands(struct lower *L, const CXCursor *ops, unsigned n,
                          struct buf *h) {
    struct coro *co = L->co;
    unsigned *temps_from = xcalloc(n + 1, sizeof *temps_from);
    unsigned *labels_after = xcalloc(n + 1, sizeof *labels_after);
    int rc = 0;
    for (unsigned i = 0; i < n && !rc; i++) {
        temps_from[i] = co->ntemps;
        rc = lower_expr(L, ops[i], h);
        labels_after[i] = co->nlabels;
    }
    for (unsigned i = 0; i < n && !rc; i++) {
        unsigned temps_to = i + 1 < n ? temps_from[i + 1] : co->ntemps;
        if (labels_after[i] == co->nlabels || temps_from[i] == temps_to)
            continue;
        char *text = render_cursor(L, ops[i]);
        for (unsigned t = temps_from[i]; t < temps_to; t++)
            if (names_temp(text, co->temps[t].name))
                co->temps[t].in_frame = 1;
        free(text);
    }
    free(temps_from);
    free(labels_after);
    return rc;
}

/* Lowers expression c: appends the hoisted statements to h and edits c's
   text so that rendering it gives the rest of the expression. Returns 0, or
   -1 after a diagnostic. */
static int lower_expr_as(struct lower *L, CXCursor c, int discard,
                         struct buf *h) {
    unsigned b, e;
    if (!range_of(L, c, &b, &e) || susps_in(L->co, b, e) == 0)
        return 0;
    enum CXCursorKind kind = clang_getCursorKind(c);
    const struct susp *s = susp_at(L->co, b);
    if (s && s->end == e &&
        (!clang_Cursor_isNull(marker_operand(c, "yc__await_mark")) ||
         is_marker_call(c, "yc__yield_mark")))
        return lower_susp(L, c, s, discard, h);

    struct kids k = cursor_kids(c);
    int rc = 0;
    if (kind == CXCursor_BinaryOperator && k.n == 2) {
        const char *op = binop(L, c, k.c[0], k.c[1]);
        int right = has_susp(L, k.c[1]);
        if (op && right && (!strcmp(op, "&&") || !strcmp(op, "||")))
            rc = lower_logical(L, c, op, k.c[0], k.c[1], h);
        else if (op && right && !strcmp(op, ","))
            rc = lower_comma(L, c, k.c[0], k.c[1], h);
        else if (!op && right)
            rc = unsupported(L, k.c[1],
                             "in the right operand of an operator written "
                             "in a macro");
        else
            rc = lower_operands(L, k.c, 2, h);
    } else if (kind == CXCursor_ConditionalOperator) {
        int arms = k.n == 3 && (has_susp(L, k.c[1]) || has_susp(L, k.c[2]));
        if (k.n != 3)
            rc = unsupported(L, c, "in a GNU '?:' without a middle operand");
        else if (arms && !textual_conditional(L, c, &k))
            rc = unsupported(L, c, "in a '?:' written in a macro");
        else if (arms)
            rc = lower_conditional(L, c, &k, h);
        else
            rc = lower_expr(L, k.c[0], h);
    } else if (kind == CXCursor_UnaryExpr) {
        rc = unsupported(L, c, "in the operand of sizeof or _Alignof");
    } else if (kind == CXCursor_StmtExpr) {
        rc = unsupported(L, c, "inside a statement expression");
    } else if (kind == CXCursor_CompoundLiteralExpr && literal_at(L->co, b)) {
        for (unsigned i = 0; i < k.n && !rc; i++)
            rc = lower_expr(L, k.c[i], h);
        if (!rc)
            lower_literal(L->u, literal_at(L->co, b));
    } else if (kind == CXCursor_ParenExpr && k.n == 1) {
        rc = lower_expr_as(L, k.c[0], discard, h);
    } else {
        rc = lower_operands(L, k.c, k.n, h);
    }
    free(k.c);
    return rc ? -1 : 0;
}

static int lower_expr(struct lower *L, CXCursor c, struct buf *h) {
    return lower_expr_as(L, c, 0, h);
}

/* ------------------------------------------------------------------ */
/* Statements                                                           */
/* ------------------------------------------------------------------ */

static int is_expr_stmt(enum CXCursorKind k) {
    return clang_isExpression(k);
}

/* One past a statement's text, including the ';' that libclang leaves out
   of expression statements, returns, jumps and do-while. */
static unsigned stmt_end(struct lower *L, CXCursor s) {
    unsigned b, e;
    if (!range_of(L, s, &b, &e))
        return 0;
    enum CXCursorKind k = clang_getCursorKind(s);
    switch (k) {
    case CXCursor_CompoundStmt:
    case CXCursor_DeclStmt:
    case CXCursor_NullStmt:
        return e;
    case CXCursor_IfStmt:
    case CXCursor_WhileStmt:
    case CXCursor_ForStmt:
    case CXCursor_SwitchStmt:
    case CXCursor_LabelStmt:
    case CXCursor_CaseStmt:
    case CXCursor_DefaultStmt: {
        struct kids kd = cursor_kids(s);
        unsigned r = kd.n ? stmt_end(L, kd.c[kd.n - 1]) : e;
        free(kd.c);
        return r > e ? r : e;
    }
    default: {
        unsigned semi = source_skip_space(&L->u->src, e);
        if (semi < L->u->src.len && L->u->src.data[semi] == ';')
            return semi + 1;
        return e;
    }
    }
}

/* Text of a statement with its ';'. */
static char *render_stmt(struct lower *L, CXCursor s) {
    unsigned b, e;
    if (!range_of(L, s, &b, &e))
        return xstrdup(";");
    return render(L, b, stmt_end(L, s));
}

static void replace_stmt(struct lower *L, CXCursor s, const char *text) {
    unsigned b, e;
    if (range_of(L, s, &b, &e))
        edit_replace(&L->u->edits, b, stmt_end(L, s), text);
}

/* Lowers the expressions of one statement's clause: temporaries go in the
   frame when that clause holds more than one suspension point. */
static int lower_clause(struct lower *L, CXCursor c, int discard,
                        struct buf *h) {
    return lower_expr_as(L, c, discard, h);
}

static void lower_stmt(struct lower *L, CXCursor s, const struct loop *loop);

/* A frame local named in a macro argument that the macro stringifies or
   pastes keeps its name there; the statement [b, e) then gets a C local
   copy of that name, declared in *pre and written back in *post, and its
   other mentions of the local use the copy too. Returns 1 if a copy is
   needed, 0 if not, -1 after a diagnostic (the statement suspends, or the
   local's address matters). */
static int shadow(struct lower *L, unsigned b, unsigned e, struct buf *pre,
                  struct buf *post) {
    struct coro *co = L->co;
    const struct source *src = &L->u->src;
    int any = 0;
    for (unsigned i = 0; i < co->nrefs; i++) {
        struct ref *r = &co->refs[i];
        if (!r->unsafe || r->handled || r->begin < b || r->end > e)
            continue;
        struct local *l = &co->locals[r->local];
        if (susps_in(co, b, e) || l->addr_taken || l->is_array) {
            diag_at(src, r->begin, DIAG_ERROR,
                    "a macro stringifies or pastes this argument naming "
                    "'%s', which lives in the frame; this is supported only "
                    "in a statement without suspension points, for a local "
                    "whose address is not taken",
                    l->name);
            return -1;
        }
        const char *why;
        decl_format(l->type, l->name, 0, pre, &why);
        buf_printf(pre, " = yc__f->%s; ", l->field);
        buf_printf(post, " yc__f->%s = %s;", l->field, l->name);
        for (unsigned k = 0; k < co->nrefs; k++) {
            struct ref *o = &co->refs[k];
            if (o->local == r->local && o->begin >= b && o->end <= e) {
                o->handled = 1;
                edit_replace(&L->u->edits, o->begin, o->end, l->name);
            }
        }
        any = 1;
    }
    return any;
}

/* Wraps statement s in the copies shadow() asks for. */
static void shadow_stmt(struct lower *L, CXCursor s) {
    unsigned b, e;
    if (!range_of(L, s, &b, &e))
        return;
    e = stmt_end(L, s);
    struct buf pre = {0}, post = {0};
    if (shadow(L, b, e, &pre, &post) == 1) {
        char *text = render(L, b, e);
        char *t = xasprintf("{ %s%s%s }", buf_str(&pre), text, buf_str(&post));
        edit_replace(&L->u->edits, b, e, t);
        free(text);
        free(t);
    }
    buf_free(&pre);
    buf_free(&post);
}

static struct local *local_of(struct coro *co, CXCursor decl) {
    int i = analyse_local(co, decl);
    return i >= 0 ? &co->locals[i] : NULL;
}

static struct declstmt *declstmt_of(struct coro *co, CXCursor c) {
    for (unsigned i = 0; i < co->ndecls; i++)
        if (clang_equalCursors(co->decls[i].cursor, c))
            return &co->decls[i];
    return NULL;
}

/* Appends the statement that gives frame local v its initial value (text
   `init`): an assignment, through a compound literal for a braced
   initializer. Arrays and structs with const members cannot be assigned:
   they are initialized as a C local and copied into the frame. Appends a
   whole statement, or with `comma` an expression (a for clause). Returns 0,
   or -1 when only a statement would do. */
static int frame_init(struct local *v, const char *init, int braces,
                      int comma, struct buf *b) {
    struct buf type = {0};
    const char *why;
    int rc = 0;
    if (v->is_array || decl_has_const_member(v->type)) {
        if (comma) {
            rc = -1;
        } else {
            buf_puts(b, "{ ");
            decl_format(v->type, "yc__v", DECL_STRIP_CONST, b, &why);
            buf_printf(b, " = %s; memcpy(&yc__f->%s, &yc__v, sizeof yc__v); }",
                       init, v->field);
        }
    } else if (braces) {
        decl_format(v->type, "", DECL_STRIP_CONST, &type, &why);
        buf_printf(b, "yc__f->%s = (%s)%s%s", v->field, buf_str(&type), init,
                   comma ? "" : ";");
    } else {
        buf_printf(b, "yc__f->%s = %s%s", v->field, init, comma ? "" : ";");
    }
    buf_free(&type);
    return rc;
}

/* Rewrites a declaration statement that holds frame locals or suspension
   points into statements: each declarator's hoisted suspensions, then its
   declaration (a C local) or assignment (a frame local). The result is
   returned in *out, or NULL when the declaration can stay as written. */
static int lower_decl(struct lower *L, struct declstmt *d, char **out) {
    struct coro *co = L->co;
    struct kids k = cursor_kids(d->cursor);
    int any_frame = 0, any_other = 0, any_susp = 0, rc = 0;
    *out = NULL;
    for (unsigned i = 0; i < k.n; i++) {
        struct local *v = clang_getCursorKind(k.c[i]) == CXCursor_VarDecl
                              ? local_of(co, k.c[i])
                              : NULL;
        if (!v && co->hoist_types)
            continue; /* a type moved to file scope */
        if (v && v->in_frame)
            any_frame = 1;
        else
            any_other = 1;
        any_susp |= cursor_susps(L, k.c[i]) > 0;
    }
    if (!any_frame && !any_susp)
        goto done;
    if (any_other && d->in_for_init && !any_susp) {
        diag_at(&L->u->src, d->begin, DIAG_ERROR,
                "a for clause declaring variables that live across a "
                "suspension and others is not supported yet");
        rc = -1;
        goto done;
    }
    struct buf b = {0};
    int pieces = 0, comma = d->in_for_init && !any_susp;
    for (unsigned i = 0; i < k.n && !rc; i++) {
        struct local *v = local_of(co, k.c[i]);
        if (!v && co->hoist_types &&
            clang_getCursorKind(k.c[i]) != CXCursor_VarDecl)
            continue; /* a type moved to file scope */
        if (!v || v->is_static) {
            diag_loc(clang_getCursorLocation(k.c[i]), DIAG_ERROR,
                     "this declaration stands next to variables that live "
                     "across a suspension or with a suspension point; "
                     "declare it separately");
            rc = -1;
            break;
        }
        CXCursor init = clang_Cursor_getVarDeclInitializer(k.c[i]);
        int has_init = !clang_Cursor_isNull(init);
        struct buf h = {0};
        if (has_init)
            rc = lower_clause(L, init, 0, &h);
        char *it = has_init ? render_cursor(L, init) : NULL;
        int braces = has_init && clang_getCursorKind(strip_expr(init)) ==
                                     CXCursor_InitListExpr;
        if (!rc && (!v->in_frame || has_init)) {
            if (pieces++)
                buf_puts(&b, comma ? ", " : " ");
            buf_puts(&b, buf_str(&h));
            if (v->in_frame) {
                if (frame_init(v, it, braces, comma, &b) != 0) {
                    diag_at(&L->u->src, v->begin, DIAG_ERROR,
                            "an array or a struct with const members that "
                            "lives across a suspension cannot be declared "
                            "in a for clause yet");
                    rc = -1;
                }
            } else {
                const char *why;
                if (decl_format(v->type, v->name, 0, &b, &why) != 0) {
                    diag_at(&L->u->src, v->begin, DIAG_ERROR,
                            "'%s': %s next to a suspension point is not "
                            "supported yet",
                            v->name, why);
                    rc = -1;
                }
                if (has_init)
                    buf_printf(&b, " = %s", it);
                if (!comma)
                    buf_putc(&b, ';');
            }
        }
        free(it);
        buf_free(&h);
    }
    if (comma || !pieces)
        buf_putc(&b, ';');
    *out = buf_take(&b);
done:
    free(k.c);
    return rc;
}

static void lower_declstmt(struct lower *L, CXCursor s) {
    struct declstmt *d = declstmt_of(L->co, s);
    char *text;
    if (d && lower_decl(L, d, &text) == 0 && text) {
        edit_replace(&L->u->edits, d->begin, d->end, text);
        free(text);
    }
}

static void lower_return(struct lower *L, CXCursor s) {
    struct coro *co = L->co;
    struct kids k = cursor_kids(s);
    struct buf h = {0}, t = {0};
    if (k.n == 1 && lower_clause(L, k.c[0], co->is_void, &h) == 0) {
        char *e = render_cursor(L, k.c[0]);
        const char *why;
        if (co->is_void) {
            buf_printf(&t, "return ((void)(%s), YC__DONE);", e);
        } else if (decl_has_const_member(co->ret)) {
            buf_puts(&t, "{ ");
            decl_format(co->ret, "yc__v", DECL_STRIP_CONST, &t, &why);
            buf_printf(&t,
                       " = %s; memcpy(&yc__f->yc__res.yc__ret, &yc__v, "
                       "sizeof yc__v); return YC__DONE; }",
                       e);
        } else
            buf_printf(&t,
                       "return (yc__f->yc__res.yc__ret = (%s), YC__DONE);", e);
        free(e);
    } else if (k.n == 0) {
        buf_puts(&t, "return YC__DONE;");
    }
    if (t.len) {
        char *text = h.len ? xasprintf("{ %s%s }", buf_str(&h), buf_str(&t))
                           : buf_take(&t);
        replace_stmt(L, s, text);
        free(text);
    }
    buf_free(&h);
    buf_free(&t);
    free(k.c);
}

/* The parts of a for statement: libclang lists only the clauses present,
   so they are told apart by where they stand around the two ';'. */
struct for_parts {
    CXCursor init, cond, inc, body; /* null cursors when absent */
};

static void for_parts(struct lower *L, CXCursor s, struct for_parts *fp) {
    const struct source *src = &L->u->src;
    struct kids k = cursor_kids(s);
    fp->init = fp->cond = fp->inc = clang_getNullCursor();
    fp->body = k.c[k.n - 1];
    unsigned b, e, semi[2] = {0, 0}, nsemi = 0;
    range_of(L, s, &b, &e);
    /* Find the two ';' of the head at parenthesis depth 1. */
    unsigned i = b, depth = 0;
    while (i < e && nsemi < 2) {
        char ch = src->data[i];
        if (ch == '"' || ch == '\'') {
            for (i++; i < e && src->data[i] != ch; i++)
                if (src->data[i] == '\\')
                    i++;
        } else if (ch == '/' && (src->data[i + 1] == '*' ||
                                 src->data[i + 1] == '/')) {
            i = source_skip_space(src, i) - 1;
        } else if (ch == '(') {
            depth++;
        } else if (ch == ')') {
            depth--;
        } else if (ch == ';' && depth == 1) {
            semi[nsemi++] = i;
        }
        i++;
    }
    for (unsigned j = 0; j + 1 < k.n; j++) {
        unsigned cb, ce;
        range_of(L, k.c[j], &cb, &ce);
        if (cb < semi[0])
            fp->init = k.c[j];
        else if (cb < semi[1])
            fp->cond = k.c[j];
        else
            fp->inc = k.c[j];
    }
    free(k.c);
}

/* Whether a for statement's init declaration cannot stay in the clause:
   it mixes frame locals with C locals, or gives a frame local an array or
   a struct with const members, which needs statements to initialize. */
static int init_must_move(struct lower *L, CXCursor init) {
    struct kids k = cursor_kids(init);
    int frame = 0, other = 0, block = 0;
    for (unsigned i = 0; i < k.n; i++) {
        struct local *v = local_of(L->co, k.c[i]);
        if (!v || !v->in_frame) {
            other = 1;
            continue;
        }
        frame = 1;
        block |= v->is_array || decl_has_const_member(v->type);
    }
    free(k.c);
    return frame && (other || block);
}

static void lower_for(struct lower *L, CXCursor s) {
    struct coro *co = L->co;
    struct for_parts fp;
    for_parts(L, s, &fp);
    int init_s = !clang_Cursor_isNull(fp.init) &&
                 (cursor_susps(L, fp.init) ||
                  (clang_getCursorKind(fp.init) == CXCursor_DeclStmt &&
                   init_must_move(L, fp.init)));
    int cond_s = !clang_Cursor_isNull(fp.cond) && cursor_susps(L, fp.cond);
    int inc_s = !clang_Cursor_isNull(fp.inc) && cursor_susps(L, fp.inc);
    char *cont = inc_s ? xasprintf("yc__cont_%d", ++co->nconts) : NULL;
    struct loop inner = {cont};
    struct buf hi = {0}, hc = {0}, hn = {0};
    char *init_text = NULL;
    if (!clang_Cursor_isNull(fp.init)) {
        if (clang_getCursorKind(fp.init) == CXCursor_DeclStmt) {
            struct declstmt *d = declstmt_of(co, fp.init);
            if (d && init_s)
                d->in_for_init = 0; /* moves out of the for */
            lower_declstmt(L, fp.init);
        } else {
            lower_clause(L, fp.init, 1, &hi);
        }
    }
    if (cond_s)
        lower_clause(L, fp.cond, 0, &hc);
    if (inc_s)
        lower_clause(L, fp.inc, 1, &hn);
    lower_stmt(L, fp.body, &inner);
    if (!init_s && !cond_s && !inc_s) {
        free(cont);
        return;
    }
    struct buf t = {0};
    char *body = render_stmt(L, fp.body);
    char *cond = clang_Cursor_isNull(fp.cond) ? xstrdup("")
                                               : render_cursor(L, fp.cond);
    char *inc = clang_Cursor_isNull(fp.inc) ? xstrdup("")
                                             : render_cursor(L, fp.inc);
    if (!clang_Cursor_isNull(fp.init)) {
        if (clang_getCursorKind(fp.init) == CXCursor_DeclStmt) {
            init_text = render_stmt(L, fp.init);
        } else {
            char *e = render_cursor(L, fp.init);
            init_text = xasprintf("%s;", e);
            free(e);
        }
    }
    buf_puts(&t, "{ ");
    if (init_s)
        buf_printf(&t, "%s%s ", buf_str(&hi), init_text);
    buf_printf(&t, "for (%s%s %s; %s) { ",
               !init_s && init_text ? init_text : "",
               !init_s && init_text ? "" : ";", cond_s ? "" : cond,
               inc_s ? "" : inc);
    if (cond_s)
        buf_printf(&t, "%sif (!(%s)) break; ", buf_str(&hc), cond);
    buf_printf(&t, "%s ", body);
    if (inc_s)
        buf_printf(&t, "%s:; %s%s; ", cont, buf_str(&hn), inc);
    buf_puts(&t, "} }");
    replace_stmt(L, s, buf_str(&t));
    buf_free(&t);
    buf_free(&hi);
    buf_free(&hc);
    buf_free(&hn);
    free(body);
    free(cond);
    free(inc);
    free(init_text);
    free(cont);
}

static void lower_stmt(struct lower *L, CXCursor s, const struct loop *loop) {
    enum CXCursorKind kind = clang_getCursorKind(s);
    struct coro *co = L->co;
    struct kids k = cursor_kids(s);
    struct loop none = {NULL};
    switch (kind) {
    case CXCursor_CompoundStmt:
        for (unsigned i = 0; i < k.n; i++)
            lower_stmt(L, k.c[i], loop);
        break;
    case CXCursor_DeclStmt:
        lower_declstmt(L, s);
        break;
    case CXCursor_ReturnStmt:
        lower_return(L, s);
        shadow_stmt(L, s);
        break;
    case CXCursor_LabelStmt:
    case CXCursor_CaseStmt:
    case CXCursor_DefaultStmt:
        if (k.n)
            lower_stmt(L, k.c[k.n - 1], loop);
        break;
    case CXCursor_ContinueStmt:
        if (loop && loop->cont_label) {
            char *t = xasprintf("goto %s", loop->cont_label);
            replace(L, s, t);
            free(t);
        }
        break;
    case CXCursor_IfStmt:
    case CXCursor_SwitchStmt: {
        struct buf h = {0};
        lower_clause(L, k.c[0], 0, &h);
        for (unsigned i = 1; i < k.n; i++)
            lower_stmt(L, k.c[i], loop);
        if (h.len) {
            char *rest = render_stmt(L, s);
            char *t = xasprintf("{ %s%s }", buf_str(&h), rest);
            replace_stmt(L, s, t);
            free(rest);
            free(t);
        }
        buf_free(&h);
        break;
    }
    case CXCursor_WhileStmt: {
        struct buf h = {0};
        lower_clause(L, k.c[0], 0, &h);
        lower_stmt(L, k.c[1], &none);
        if (h.len) {
            char *c = render_cursor(L, k.c[0]), *body = render_stmt(L, k.c[1]);
            char *t = xasprintf("while (1) { %sif (!(%s)) break; %s }",
                                buf_str(&h), c, body);
            replace_stmt(L, s, t);
            free(c);
            free(body);
            free(t);
        }
        buf_free(&h);
        break;
    }
    case CXCursor_DoStmt: {
        struct buf h = {0};
        lower_clause(L, k.c[1], 0, &h);
        char *cont = h.len ? xasprintf("yc__cont_%d", ++co->nconts) : NULL;
        struct loop inner = {cont};
        lower_stmt(L, k.c[0], &inner);
        if (h.len) {
            char *c = render_cursor(L, k.c[1]), *body = render_stmt(L, k.c[0]);
            char *t = xasprintf("for (;;) { %s %s:; %sif (!(%s)) break; }",
                                body, cont, buf_str(&h), c);
            replace_stmt(L, s, t);
            free(c);
            free(body);
            free(t);
        }
        free(cont);
        buf_free(&h);
        break;
    }
    case CXCursor_ForStmt:
        lower_for(L, s);
        break;
    default:
        if (is_expr_stmt(kind) && !cursor_susps(L, s)) {
            shadow_stmt(L, s);
        } else if (is_expr_stmt(kind)) {
            /* Reports a shadow that a suspending statement would need. */
            struct buf pre = {0}, post = {0};
            unsigned b, e;
            if (range_of(L, s, &b, &e))
                shadow(L, b, e, &pre, &post);
            buf_free(&pre);
            buf_free(&post);
            struct buf h = {0};
            if (lower_clause(L, s, 1, &h) == 0) {
                char *e = render_cursor(L, s);
                char *t = !strcmp(e, "((void)0)")
                              ? xasprintf("do { %s} while (0);", buf_str(&h))
                              : xasprintf("{ %s%s; }", buf_str(&h), e);
                replace_stmt(L, s, t);
                free(e);
                free(t);
            }
            buf_free(&h);
        }
        break;
    }
    free(k.c);
}

/* ------------------------------------------------------------------ */
/* Names and spawns                                                     */
/* ------------------------------------------------------------------ */

static void lower_refs(struct unit *u, struct coro *co) {
    for (unsigned i = 0; i < co->nrefs; i++) {
        struct ref *r = &co->refs[i];
        struct local *l = &co->locals[r->local];
        if (!l->in_frame)
            continue;
        if (macro_unsafe_at(u, r->begin)) {
            r->unsafe = 1; /* shadow() gives its statement a copy */
            continue;
        }
        if (!source_is(&u->src, r->begin, r->end, l->name)) {
            diag_at(&u->src, r->begin, DIAG_ERROR,
                    "a macro's body refers to '%s', which lives across a "
                    "suspension in the frame; this is not supported yet "
                    "(pass '%s' to the macro as an argument)",
                    l->name, l->name);
            continue;
        }
        char *t = xasprintf("yc__f->%s", l->field);
        edit_replace(&u->edits, r->begin, r->end, t);
        free(t);
    }
}

/* YC_SPAWN or YC_ASYNC of a call through a function pointer: the call,
   made with an await request, only creates the coroutine's frame, which
   yc__spawn_answer then starts (a plain function behind the pointer has
   run in the call instead). The pointer is evaluated once, inside
   yc__spawn_request; the result's place in the frame follows from the
   call's type, as in the ABI's struct yc__NAME_res. */
static void spawn_ptr(struct lower *L, struct spawn *sp, const char *s,
                      const char *args) {
    CXCursor callee = cursor_child(sp->call, 0);
    char *fn = render_cursor(L, callee);
    CXString fty = clang_getTypeSpelling(clang_getCursorType(callee));
    CXType rt = clang_getCursorType(sp->call);
    char *where = xstrdup("0, 0");
    if (sp->is_async && rt.kind != CXType_Void) {
        CXString rs = clang_getTypeSpelling(rt);
        const char *r = clang_getCString(rs);
        if (strstr(r, "(unnamed") || strstr(r, "(anonymous"))
            diag_at(&L->u->src, sp->begin, DIAG_ERROR,
                    "YC_ASYNC through a function pointer needs a named "
                    "result type; give the struct a tag");
        free(where);
        where = xasprintf("(sizeof(struct yc__frame) + _Alignof(%s) - 1) / "
                          "_Alignof(%s) * _Alignof(%s), sizeof(%s)",
                          r, r, r, r);
        clang_disposeString(rs);
    }
    char *t = xasprintf("%s(((%s)yc__spawn_request(%s, (yc__fn)(%s)))(%s), "
                        "yc__spawn_answer(%s, %d, %s))",
                        sp->is_async ? "" : "(void)", clang_getCString(fty), s,
                        fn, args, s, sp->is_async, where);
    edit_replace(&L->u->edits, sp->begin, sp->end, t);
    clang_disposeString(fty);
    free(t);
    free(where);
    free(fn);
}

static void lower_spawn(struct unit *u, struct spawn *sp) {
    struct lower L = {u, sp->in};
    if (sp->in && !sp->in->stackful &&
        susps_in(sp->in, sp->begin, sp->end)) {
        diag_at(&u->src, sp->begin, DIAG_ERROR,
                "a suspension point inside %s(...) is not supported yet; "
                "await the value into a variable first",
                sp->is_async ? "YC_ASYNC" : "YC_SPAWN");
        return;
    }
    char *args = call_args(&L, sp->call);
    const char *s = sp->in && !sp->in->stackful ? "yc__s" : "yc__sched_get()";
    if (!sp->callee) {
        spawn_ptr(&L, sp, s, args);
        free(args);
        return;
    }
    const char *n = sp->callee->name;
    char *t;
    if (!sp->is_async)
        t = xasprintf("yc__spawn(%s, yc__%s_start(%s, 0%s%s))", s, n, s,
                      *args ? ", " : "", args);
    else if (clang_getResultType(sp->callee->type).kind == CXType_Void)
        t = xasprintf("yc__async(%s, yc__%s_start(%s, 0%s%s), 0, 0)", s, n, s,
                      *args ? ", " : "", args);
    else
        t = xasprintf("yc__async(%s, yc__%s_start(%s, 0%s%s), "
                      "offsetof(struct yc__%s_res, yc__ret), "
                      "sizeof(((struct yc__%s_res *)0)->yc__ret))",
                      s, n, s, *args ? ", " : "", args, n, n);
    edit_replace(&u->edits, sp->begin, sp->end, t);
    free(t);
    free(args);
}

/* Moves the types declared in a coroutine body to file scope (emit writes
   them before the frame struct, which needs them): a declaration that
   declares only the type goes away, and a type defined in a declaration of
   variables is named by its tag there. */
struct clash_search {
    CXCursor type;  /* the local type */
    int found;      /* a file-scope declaration of the same name exists */
};

static enum CXChildVisitResult find_clash(CXCursor c, CXCursor parent,
                                          CXClientData data) {
    (void)parent;
    struct clash_search *cs = data;
    CXString a = clang_getCursorSpelling(c), b =
                                                 clang_getCursorSpelling(
                                                     cs->type);
    int same = clang_getCursorKind(c) == clang_getCursorKind(cs->type) &&
               *clang_getCString(a) &&
               !strcmp(clang_getCString(a), clang_getCString(b));
    clang_disposeString(a);
    clang_disposeString(b);
    if (same) {
        cs->found = 1;
        return CXChildVisit_Break;
    }
    return CXChildVisit_Continue;
}

/* Whether a local type's name is taken at file scope or by another local
   type that moves there. */
static int type_clashes(struct unit *u, struct coro *co, unsigned ti) {
    struct clash_search cs = {co->types[ti].cursor, 0};
    clang_visitChildren(clang_getTranslationUnitCursor(u->tu), find_clash,
                        &cs);
    for (unsigned ci = 0; ci < u->ncoros && !cs.found; ci++) {
        struct coro *other = &u->coros[ci];
        if (!other->hoist_types)
            continue;
        for (unsigned k = 0; k < other->ntypes && !cs.found; k++)
            if (!(other == co && k == ti) &&
                !clang_equalCursors(other->types[k].cursor, cs.type))
                find_clash(other->types[k].cursor, clang_getNullCursor(),
                           &cs);
    }
    return cs.found;
}

static void hoist_types(struct unit *u, struct coro *co) {
    for (unsigned i = 0; i < co->ntypes; i++) {
        struct localtype *t = &co->types[i];
        enum CXCursorKind k = clang_getCursorKind(t->cursor);
        unsigned b, e;
        if (type_clashes(u, co, i)) {
            char *name = cursor_name(t->cursor);
            diag_at(&u->src, t->begin, DIAG_ERROR,
                    "the frame of coroutine '%s' needs the types declared in "
                    "its body at file scope, where the name '%s' is already "
                    "taken; rename this type",
                    co->name, name);
            free(name);
            continue;
        }
        if (t->alone || k == CXCursor_TypedefDecl) {
            if (!t->alone) {
                diag_at(&u->src, t->begin, DIAG_ERROR,
                        "a typedef declared together with other names in a "
                        "coroutine whose frame needs its types is not "
                        "supported yet; declare it separately");
                continue;
            }
            if (source_range(&u->src, t->declstmt, &b, &e))
                edit_replace(&u->edits, b, e, ";");
            continue;
        }
        char *name = cursor_name(t->cursor);
        if (!*name || clang_Cursor_isAnonymous(t->cursor)) {
            diag_at(&u->src, t->begin, DIAG_ERROR,
                    "a variable of an unnamed struct, union or enum type "
                    "declared in a coroutine whose frame needs local types; "
                    "give the type a tag");
        } else {
            const char *kw = k == CXCursor_StructDecl  ? "struct"
                             : k == CXCursor_UnionDecl ? "union"
                                                       : "enum";
            char *tag = xasprintf("%s %s", kw, name);
            edit_replace(&u->edits, t->begin, t->end, tag);
            free(tag);
        }
        free(name);
    }
}

int lower_run(struct unit *u) {
    macro_find_unsafe_args(u);
    for (unsigned ci = 0; ci < u->ncoros; ci++) {
        struct coro *co = &u->coros[ci];
        struct lower L = {u, co};
        if (co->stackful) {
            stackful_lower(u, co);
            for (unsigned i = 0; i < u->nspawns; i++)
                if (u->spawns[i].in == co)
                    lower_spawn(u, &u->spawns[i]);
            continue;
        }
        /* Innermost rewrites first: each outer rewrite renders its parts
           with the inner ones applied and then supersedes them. */
        lower_refs(u, co);
        for (unsigned i = 0; i < co->nlits; i++)
            if (co->lits[i].field &&
                !susps_in(co, co->lits[i].begin, co->lits[i].end))
                lower_literal(u, &co->lits[i]);
        if (co->hoist_types)
            hoist_types(u, co);
        for (unsigned i = 0; i < u->nspawns; i++)
            if (u->spawns[i].in == co)
                lower_spawn(u, &u->spawns[i]);
        CXCursor body = cursor_child(co->def, cursor_nchildren(co->def) - 1);
        lower_stmt(&L, body, NULL);
        for (unsigned i = 0; i < co->nrefs && !diag_errors(); i++)
            if (co->refs[i].unsafe && !co->refs[i].handled)
                diag_at(&u->src, co->refs[i].begin, DIAG_ERROR,
                        "a macro stringifies or pastes this argument naming "
                        "'%s', which lives in the frame; this is supported "
                        "only in an expression statement or a return",
                        co->locals[co->refs[i].local].name);
    }
    for (unsigned i = 0; i < u->nspawns; i++)
        if (!u->spawns[i].in)
            lower_spawn(u, &u->spawns[i]);
    return diag_errors() != 0;
}
