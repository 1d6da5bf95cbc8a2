/* pass.h - the translation unit model shared by the passes, and the pass
   table. Each pass is one file: parse.c, find.c, analyse.c, lower.c,
   emit.c. */
#ifndef YC_PASS_H
#define YC_PASS_H

#include "buf.h"
#include "edit.h"
#include "source.h"

#include <clang-c/Index.h>

/* A coroutine function this translation unit knows: declared with
   YC_COROUTINE in the main file or in a header, maybe defined here. */
struct corodecl {
    char *usr;        /* libclang USR: identifies all redeclarations */
    char *name;       /* the function's name */
    CXCursor cursor;  /* the first declaration seen */
    CXType type;      /* the function type (FunctionProto) */
    int is_static;    /* internal linkage: generated functions are static */
    int is_variadic;  /* takes "...": only the stackful form can run it */
    int defined;      /* defined in the main file */
    int emitted;      /* its result struct and prototypes are in the output */
};

/* A local variable or parameter of a coroutine definition. */
struct local {
    CXCursor cursor;      /* the VarDecl or ParmDecl */
    char *name;           /* its name in the source */
    char *field;          /* its frame field (unique in the frame) */
    CXType type;          /* its declared type */
    unsigned begin, end;  /* the declarator's extent (VarDecl cursor) */
    unsigned scope_begin; /* first byte of the enclosing scope */
    unsigned scope_end;   /* one past the last byte of that scope */
    int is_param;         /* a parameter: always lives in the frame */
    int is_static;        /* static or extern storage: never in the frame */
    int addr_taken;       /* &name appears in the body */
    int is_array;         /* an array object */
    int in_frame;         /* decided by analyse: kept in the frame */
};

enum susp_kind {
    SUSP_YIELD, /* YC_YIELD() */
    SUSP_AWAIT  /* YC_AWAIT(call) */
};

/* A suspension point of a coroutine body. */
struct susp {
    enum susp_kind kind;
    unsigned begin, end;     /* the YC_AWAIT(...) or YC_YIELD() text */
    unsigned clause_begin;   /* start of the full expression holding it:
                                what it holds but does not hoist runs after
                                the resume */
    CXCursor call;           /* SUSP_AWAIT: the awaited CallExpr */
    struct corodecl *callee; /* SUSP_AWAIT: the coroutine called, or NULL
                                for a call through a function pointer */
};

/* A temporary that holds an await's result or a converted operator's
   value until the rest of its expression runs. */
struct temp {
    char *name;   /* yc__tN: its frame field or C local */
    char *ref;    /* how the body names it: yc__f->yc__tN or yc__tN */
    CXType type;  /* its type, unless is_int */
    int is_int;   /* the value of && or ||, of type int */
    int in_frame; /* another suspension comes before its use */
};

/* A reference to a local in a body: rewritten when the local is in the
   frame. */
struct ref {
    unsigned begin, end; /* the identifier */
    unsigned local;      /* index of the local it names */
    int unsafe;          /* in a stringified or pasted macro argument */
    int handled;         /* lower gave its statement a C local copy */
};

/* A return statement of a coroutine body. */
struct ret {
    unsigned begin, end;           /* "return" through the expression */
    unsigned expr_begin, expr_end; /* the value; equal when there is none */
    int has_expr;
};

/* A declaration statement of a coroutine body. */
struct declstmt {
    CXCursor cursor;
    unsigned begin, end; /* includes the ';' */
    int in_for_init;     /* the init clause of a for statement */
};

/* YC_SPAWN(call) or YC_ASYNC(call): start a coroutine call as a new
   micro-thread, detached or with a handle. */
struct spawn {
    unsigned begin, end;     /* the YC_SPAWN(...) or YC_ASYNC(...) text */
    int is_async;            /* YC_ASYNC: returns a yc_task * */
    CXCursor call;           /* the CallExpr */
    struct corodecl *callee; /* the coroutine, or NULL for a call through a
                                function pointer */
    struct coro *in;         /* the coroutine it stands in, or NULL */
};

/* A compound literal of a coroutine body: it lives until its block ends,
   so one whose block suspends moves into the frame. */
struct complit {
    unsigned begin, end; /* its text */
    unsigned block_begin, block_end; /* the block it lives in */
    CXType type;         /* its type */
    char *field;         /* its frame field, or NULL: a C temporary */
};

/* A struct, union, enum or typedef declared in a coroutine body. */
struct localtype {
    CXCursor cursor;     /* the declaration */
    CXCursor declstmt;   /* the declaration statement holding it */
    unsigned begin, end; /* its text, without the ';' */
    int alone;           /* the statement declares nothing else */
};

/* A coroutine defined in the main file. */
struct coro {
    struct corodecl *decl;  /* its declaration record */
    CXCursor def;           /* the FunctionDecl with a body */
    const char *name;       /* decl->name */
    unsigned def_begin;     /* first byte of the definition (YC_COROUTINE) */
    unsigned def_end;       /* one past the body's closing brace */
    unsigned body_begin;    /* the body's opening brace */
    unsigned body_end;      /* one past the body's closing brace */
    CXType ret;             /* result type */
    int is_void;            /* returns void */
    int is_main;            /* the program's main */
    struct local *locals;   /* parameters first, then locals in order */
    unsigned nlocals, caplocals;
    struct susp *susps;     /* suspension points in source order */
    unsigned nsusps, capsusps;
    struct ref *refs;       /* references to locals */
    unsigned nrefs, caprefs;
    struct ret *rets;       /* return statements */
    unsigned nrets, caprets;
    struct declstmt *decls; /* declaration statements */
    unsigned ndecls, capdecls;
    unsigned *loops;        /* loop regions, begin/end pairs: where a
                               back edge can carry a value around */
    unsigned nloops, caploops;
    int has_goto;           /* a goto makes liveness fall back to scopes */
    struct complit *lits;   /* compound literals */
    unsigned nlits, caplits;
    struct localtype *types; /* types declared in the body, in order */
    unsigned ntypes, captypes;
    int hoist_types;        /* a frame field needs one: all move to file
                               scope, before the frame struct */
    int stackful;           /* lowered to the stackful form: --stackful, or
                               a construct a state machine cannot express */
    const char *why_stackful; /* that construct, for the warning */
    unsigned why_off;         /* and where it stands */
    struct temp *temps;     /* temporaries made by lower */
    unsigned ntemps, captemps;
    unsigned nlabels;       /* resume labels 1..nlabels, made by lower */
    unsigned *label_lines;  /* label_lines[n - 1]: source line of label n */
    unsigned caplabels;
    int nconts;             /* continue labels made by lower */
};

/* Options of one run. */
struct options {
    const char *input;       /* the file to translate */
    const char *output;      /* the output path, or "-" */
    const char **cflags;     /* compiler flags after "--" */
    int ncflags;
    const char *print_after; /* pass whose result is printed, or NULL */
    const char *stop_after;  /* pass after which the run stops, or NULL */
    unsigned emit;           /* REPORT_* bits: what --emit prints */
    int stackful;            /* --stackful: lower every coroutine so */
    const char *compdb;      /* -p: directory of compile_commands.json */
};

/* One translation unit through the pipeline. */
struct unit {
    struct options opt;
    struct source src;
    CXIndex index;
    CXTranslationUnit tu;
    struct corodecl *cdecls; /* every known coroutine, by first sighting */
    unsigned ncdecls, capcdecls;
    unsigned *cdecl_slots;   /* cdecls by USR: an open-addressing hash
                                table of index + 1, 0 for a free slot;
                                at most half full (find.c) */
    unsigned ncdecl_slots;   /* slots in cdecl_slots, a power of two */
    struct coro *coros;      /* coroutine definitions in source order */
    unsigned ncoros, capcoros;
    int coros_disjoint;      /* set by find: each definition's range holds
                                its body's and ends before the next one
                                begins, so find_coro_at may search */
    struct spawn *spawns;    /* YC_SPAWN uses in the main file */
    unsigned nspawns, capspawns;
    unsigned *unsafe;        /* macro arguments stringified or pasted by
                                their macro, begin/end pairs (macro.c) */
    unsigned nunsafe, capunsafe;
    struct edits edits;      /* rewrites of the main file */
    struct buf out;          /* the output, built by emit */
};

struct pass {
    const char *name;
    int (*run)(struct unit *u);         /* 0, or non-zero to stop */
    void (*print)(const struct unit *u); /* --print-after output */
};

extern const struct pass pass_table[];

int parse_run(struct unit *u);
int find_run(struct unit *u);
void find_print(const struct unit *u);
int analyse_run(struct unit *u);
void analyse_print(const struct unit *u);
int lower_run(struct unit *u);
int emit_run(struct unit *u);
void emit_print(const struct unit *u);

/* Macro arguments a rewrite must not rename in (macro.c). */
void macro_find_unsafe_args(struct unit *u);
int macro_unsafe_at(const struct unit *u, unsigned off);

/* The index in co->locals of the local declared by decl, or -1
   (analyse.c). */
int analyse_local(const struct coro *co, CXCursor decl);

/* Marks coroutine co for the stackful lowering because of `construct` at
   offset off (the first reason is the one reported). */
void analyse_fallback(struct coro *co, unsigned off, const char *construct);

/* The stackful lowering (stackful.c): the body stays a plain C function
   that runs on its own stack; lower and emit call these for coroutines
   marked stackful. */
void stackful_lower(struct unit *u, struct coro *co);
void stackful_emit(struct unit *u, struct coro *co, struct buf *b);
/* Writes `#line N "file"` for main-file offset off on a line of its own
   (emit.c). */
void emit_line(const struct unit *u, struct buf *b, unsigned off);
/* The start function and the plain wrapper of a coroutine (emit.c),
   shared by both forms. */
void emit_start(struct unit *u, const struct coro *co, struct buf *b,
                const char *fiber_entry);
void emit_wrapper(struct unit *u, const struct coro *co, struct buf *b,
                  const char *fiber_body);

/* The analysis report of --emit (report.c): what it can print. */
enum {
    REPORT_FALLBACK = 1u << 0, /* the lowering of each coroutine, and why */
    REPORT_SUSP = 1u << 1,     /* each coroutine's suspension points */
    REPORT_FRAME = 1u << 2     /* each coroutine's frame layout */
};
/* Adds the REPORT_* bits named by a comma-separated list ("susp,frame",
   "analysis") to *what; returns 0, or -1 for an unknown name. */
int report_parse(const char *list, unsigned *what);
/* Prints the parts `what` selects for each coroutine, to stdout. */
void report_run(const struct unit *u, unsigned what);

/* Shared helpers (find.c). */
struct corodecl *find_coroutine(struct unit *u, CXCursor fn);
/* The first coroutine definition whose range [def_begin, def_end) holds
   main-file offset off, or NULL. */
struct coro *find_coro_at(const struct unit *u, unsigned off);
char *cursor_name(CXCursor c);
/* Whether a declaration carries the YC_COROUTINE annotation. */
int has_coroutine_attr(CXCursor c);
/* Whether an expression (the callee of a call) has a function-pointer type
   declared YC_COROUTINE: through a typedef, a variable or a field. */
int is_coroutine_pointer(CXCursor callee);
/* Strips implicit casts and parentheses that libclang reports as
   UnexposedExpr/ParenExpr with one child. */
CXCursor strip_expr(CXCursor c);
/* Whether call (a CallExpr) calls through a function pointer rather than
   naming a function: p(x), s->fn(x), table[i](x), get()(x). */
int is_pointer_call(CXCursor call);
/* All children of a cursor (free k.c), their number, and the i-th one. */
struct kids {
    CXCursor *c;
    unsigned n, cap;
};
struct kids cursor_kids(CXCursor c);
unsigned cursor_nchildren(CXCursor c);
CXCursor cursor_child(CXCursor c, unsigned i);
/* Is this a call of the translator's marker function `name`? */
int is_marker_call(CXCursor c, const char *name);
/* The awaited or spawned expression of a YC_AWAIT/YC_SPAWN expansion
   cursor, or a null cursor if c is not one of them. */
CXCursor marker_operand(CXCursor c, const char *marker);

#endif
