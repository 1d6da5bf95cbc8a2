/* model.h - what the passes know about one translation unit: the
   coroutines and their analysis, the records lowering adds, and the unit
   itself. Each pass fills in its part (see the comments); model.c frees
   them. */
#ifndef YC_MODEL_H
#define YC_MODEL_H

#include "buf.h"
#include "edit.h"
#include "source.h"
#include "tree.h"

#include <clang-c/Index.h>

/* A coroutine function this translation unit knows: declared with
   YC_COROUTINE in the main file or in a header, maybe defined here
   (find). */
struct corodecl {
    char *usr;        /* libclang USR: identifies all redeclarations */
    char *name;       /* the function's name */
    CXCursor cursor;  /* the first declaration seen */
    CXType type;      /* the function type */
    int is_static;    /* internal linkage: generated functions are static */
    int is_variadic;  /* takes "..." */
    int vm_params;    /* a parameter's type is variably modified */
    int as_written;   /* is_variadic or vm_params: keeps its own C frame,
                         its definition stays as written (vcall.h) */
    int is_main;      /* the program's main */
    struct coro *def; /* its definition in the main file, or NULL */
    int emitted;      /* its declarations are in the output (emit) */
};

/* A local variable or parameter of a coroutine definition (analyse). */
struct local {
    CXCursor cursor;          /* the VarDecl or ParmDecl */
    char *name;               /* its name in the source */
    char *field;              /* its frame field, unique in the frame */
    CXType type;              /* its type as declared */
    int node;                 /* its VarDecl node, or -1 for a parameter */
    unsigned name_off;        /* where its name is spelled */
    int scope;                /* the node of its scope (compound or for
                                 statement); the body's for a parameter */
    unsigned scope_begin;     /* first byte of that scope */
    unsigned scope_end;       /* one past its last byte */
    unsigned char is_param;   /* a parameter of the coroutine */
    unsigned char unnamed;    /* a parameter without a name: named yc__pN,
                                 spelled at name_off in the wrapper */
    unsigned char is_static;  /* static or extern: never in the frame */
    unsigned char addr_taken; /* its address is taken */
    unsigned char is_array;   /* an array object */
    unsigned char no_assign;  /* const, or a struct with const members:
                                 cannot be reloaded by assignment */
    unsigned char cleanup;    /* has __attribute__((cleanup(fn))) */
    char *cleanup_fn;         /* with co->cleanups: fn, which the lowering
                                 calls (cleanup.h) */
    unsigned char aligned;    /* has _Alignas or __attribute__((aligned)) */
    unsigned begin;           /* its declaration: [begin, end) */
    unsigned end;
    unsigned char pinned;     /* lives in its frame slot, named yc__f->field */
    unsigned char spilled;    /* a C local saved to its slot at the
                                 suspension points it lives across */
    unsigned char local_type; /* its type cannot be named at file scope
                                 (declared in the body, or unnamed): its
                                 slot is bytes, not the type */
};

/* A suspension point of a coroutine body (analyse). */
struct susp {
    enum mark kind;          /* MARK_AWAIT or MARK_YIELD */
    int node;                /* the marker node */
    unsigned begin, end;     /* the YC_AWAIT(...) or YC_YIELD() text */
    unsigned clause_begin;   /* start of the full expression holding it:
                                what it holds but does not hoist runs after
                                the resume */
    int call;                /* MARK_AWAIT: the awaited call's node */
    struct corodecl *callee; /* MARK_AWAIT: the coroutine called, or NULL
                                for a call through a function pointer */
    int unevaluated;         /* inside sizeof or _Alignof: no suspension */
    int direct;              /* MARK_AWAIT of a coroutine of this file that
                                never suspends (analyse): a plain call of its
                                step function, with no frame, and no
                                suspension */
    unsigned *spills;        /* the spilled locals live after it */
    unsigned nspills, capspills;
};

/* Whether suspension point s can suspend: it is evaluated, and not an
   await of a coroutine that never suspends. */
static inline int susp_counts(const struct susp *s) {
    return !s->unevaluated && !s->direct;
}

/* Whether coroutine g is one of the runtime's waits on a single queue,
   which an await calls as yc__g_in with the awaiting frame: no frame of
   its own when it has no deadline (yieldc/abi.h: yc__wait_done). */
int corodecl_waits_in_caller(const struct corodecl *g);

/* Whether suspension point s awaits through a frame of the callee's (the
   step function then names it yc__cf). */
static inline int susp_has_callee_frame(const struct susp *s) {
    return s->kind == MARK_AWAIT && susp_counts(s) &&
           !(s->callee && corodecl_waits_in_caller(s->callee));
}

/* A reference to a local (analyse): liveness reads them all, lower
   renames those of pinned locals. */
struct ref {
    int node;       /* the DeclRefExpr node */
    unsigned local; /* the local it names */
};

/* A compound literal whose storage must outlive a suspension point: it
   moves into the frame (analyse). */
struct complit {
    int node;    /* the CompoundLiteralExpr node */
    CXType type; /* its type */
    char *field; /* its frame field */
};

/* Why a coroutine takes the stackful form (analyse). */
struct reason {
    const char *what; /* the construct, e.g. "a variable-length array" */
    unsigned off;     /* where it stands */
};

/* A temporary made by lower: holds an await's result or an operator's
   value until the rest of its statement runs. Named yc__tN. */
struct temp {
    CXType type;    /* its type, unless is_int */
    int is_int;     /* the value of && or ||, of type int */
    int spilled;    /* saved at some suspension point */
    int local_type; /* its type is declared in the body (bytes slot) */
};

/* A resume point made by lower: label yc__resume_N (N = index + 1). */
struct label {
    unsigned line;   /* the source line it waits at, for reports */
    unsigned susp;   /* the suspension point it belongs to */
    unsigned *temps; /* temporaries to save and reload there */
    unsigned ntemps, captemps;
    int has_macros; /* the code names yc__save_N and yc__load_N */
};

/* A coroutine defined in the main file. */
struct coro {
    struct corodecl *decl; /* its declaration record (find) */
    CXCursor def;          /* the FunctionDecl with a body (find) */
    const char *name;      /* decl->name */
    unsigned def_begin;    /* first byte of the definition (find) */
    unsigned def_end;      /* one past the body's closing brace */
    unsigned body_begin;   /* the body's opening brace */
    unsigned body_end;     /* one past the body's closing brace */
    CXType ret;            /* result type */
    int is_void;           /* returns void */
    int is_main;           /* the program's main */
    struct tree tree;      /* the body, walked once (analyse) */
    struct local *locals;  /* parameters first, then locals in order */
    unsigned nlocals, caplocals, nparams;
    unsigned *local_index; /* locals by declaration: open addressing on
                              the cursor's declaration, index + 1 */
    unsigned nlocal_index; /* slots in local_index, a power of two */
    struct susp *susps;    /* suspension points in source order */
    unsigned nsusps, capsusps;
    struct ref *refs; /* references to pinned locals */
    unsigned nrefs, caprefs;
    struct complit *lits; /* compound literals in the frame */
    unsigned nlits, caplits;
    unsigned *loops; /* loop regions, begin/end pairs */
    unsigned nloops, caploops;
    int has_goto;           /* a goto makes liveness fall back to scopes */
    int has_local_types;    /* a struct, union, enum or typedef is
                               declared in the body */
    int cleanups;           /* its cleanup locals are pinned and their
                               functions called by the lowering
                               (cleanup.h) */
    struct reason *reasons; /* why it is stackful, in source order */
    unsigned nreasons, capreasons;
    struct reason *plain_ptrs; /* coroutines passed as plain function
                                  pointers (what: the coroutine's name),
                                  warned about in a state machine */
    unsigned nplain_ptrs, capplain_ptrs;
    int stackful;       /* lowered to the stackful form */
    int never_suspends; /* a state machine with no yield whose awaits are
                           all of such coroutines (analyse): awaited with a
                           plain call of its step function */
    int expanded;       /* normalize rewrote macros in its body */
    struct temp *temps; /* temporaries (lower) */
    unsigned ntemps, captemps;
    struct label *labels; /* resume points (lower) */
    unsigned nlabels, caplabels;
    struct buf calls;     /* file-scope code for its awaits of variadic
                         coroutines (lower, vcall.c) */
    long long frame_size; /* the frame's size in bytes (analyse) */
};

/* YC_SPAWN(call) or YC_ASYNC(call) (find, or analyse in coroutines). */
struct spawn {
    struct buf site;         /* the call-site frame of a callee that keeps its
                            own C frame (lower, vcall.c) */
    int in_macro;            /* outside coroutines: written by a user macro that
                            normalize has yet to expand */
    unsigned begin, end;     /* the YC_SPAWN(...) or YC_ASYNC(...) text */
    int is_async;            /* YC_ASYNC: returns a yc_task * */
    CXCursor call;           /* the spawned CallExpr */
    struct corodecl *callee; /* the coroutine, or NULL for a call through a
                                function pointer */
    struct coro *in;         /* the coroutine it stands in, or NULL */
    int node;                /* in a coroutine: its marker node */
};

/* A macro invocation in the main file (find): the preprocessing record's
   expansions, in file order. */
struct invocation {
    unsigned begin, end; /* its text: NAME or NAME(...) */
    CXCursor cursor;     /* the MacroExpansion cursor */
    int is_marker;       /* YC_AWAIT and the other markers: never expanded */
    int is_builtin;      /* __LINE__ and the like */
};

/* A coroutine that must take the stackful form whatever the analysis of
   the current text finds, because normalize could not rewrite its macros
   (normalize). Kept by USR and line, as offsets change with each rewrite. */
struct forced {
    char *usr;        /* the coroutine */
    const char *what; /* why */
    unsigned line;    /* where: line and column of the reason */
    unsigned col;
};

/* Options of one run. */
struct options {
    const char *input;   /* the file to translate */
    const char *output;  /* the output path, or "-" */
    const char **cflags; /* compiler flags after "--" */
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
    struct source src; /* the main file as parsed (after normalize:
                          with some macro invocations expanded) */
    char **args;       /* the parser's arguments (parse) */
    int nargs;
    const char *input; /* the path libclang was given */
    CXIndex index;
    CXTranslationUnit tu;
    struct corodecl *cdecls; /* every known coroutine, by first sighting */
    unsigned ncdecls, capcdecls;
    unsigned *cdecl_slots; /* cdecls by USR: an open-addressing hash
                              table of index + 1, 0 for a free slot */
    unsigned ncdecl_slots; /* slots, a power of two */
    struct coro *coros;    /* coroutine definitions in source order */
    unsigned ncoros, capcoros;
    struct spawn *spawns; /* YC_SPAWN/YC_ASYNC uses in the main file */
    unsigned nspawns, capspawns;
    struct invocation *macros; /* macro invocations in the main file */
    unsigned nmacros, capmacros;
    unsigned *macro_reach; /* macro_reach[i]: the largest end of
                              macros[0..i], to bound searches (find) */
    unsigned *expand;      /* invocations to expand: begin offsets, from
                              analyse to normalize */
    unsigned nexpand, capexpand;
    struct forced *forced; /* coroutines normalize gave up on */
    unsigned nforced, capforced;
    struct edits edits;  /* rewrites of the main file (lower, emit) */
    struct buf out;      /* the output, built by emit */
    struct buf path_lit; /* src.path as a string literal's contents (glue) */
};

/* Records `what` at offset off as a reason for the stackful form. */
void coro_fallback(struct coro *co, unsigned off, const char *what);
/* Asks normalize to expand the macro invocation that begins at offset
   begin (once). */
void unit_request_expansion(struct unit *u, unsigned begin);
/* Frees what the passes recorded for the coroutines and spawns, keeping
   the parse: normalize starts the analysis over after reparsing. */
void unit_clear(struct unit *u);
/* Frees everything. */
void unit_free(struct unit *u);

#endif
