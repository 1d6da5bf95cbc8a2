/* frame.h - what lives in a state-machine coroutine's frame.

   A local whose address is taken, an array, a const local or one whose
   name is shadowed where it must be saved is *pinned*: it lives in its
   frame slot for the whole of its scope and the body names it there
   (yc__f->x). Every other local stays a C local of the step function, in a
   register or on the C stack, and is *spilled*: saved to its slot at each
   suspension point it lives across and reloaded after the resume. So an
   await that does not suspend costs the locals nothing.

   Slots of locals in sibling blocks share memory (a union), as no two of
   them are alive at once; so do the arguments, which the step function
   reads before anything is saved. */
#ifndef YC_FRAME_H
#define YC_FRAME_H

#include "buf.h"
#include "model.h"

/* Decides pinned and spilled locals, the spills of each suspension point,
   the slots' names, and the fallbacks that the frame forces (a variably
   modified type, an over-aligned local, a frame of 2 GiB or more, and
   cleanup locals it cannot place: cleanup.h). */
void frame_decide(struct unit *u, struct coro *co);
/* Whether a suspension point that counts (not in sizeof) lies in the
   text [b, e) of co. */
int frame_suspends_in(const struct coro *co, unsigned b, unsigned e);

/* Appends the declaration of co's frame struct (after lowering, which
   adds temporaries). */
void frame_emit(struct unit *u, const struct coro *co, struct buf *b);

/* The frame's layout after its header and result, as a walk that both
   frame_emit and the --emit=frame report follow. */
enum slot_kind {
    SLOT_FIELD,  /* a slot */
    SLOT_STRUCT, /* a struct begins (its members follow, then SLOT_END) */
    SLOT_UNION,  /* a union begins */
    SLOT_END     /* the innermost struct or union ends */
};
struct slot {
    enum slot_kind kind;
    const char *what;  /* SLOT_FIELD: argument, param, local, temp, literal */
    const char *name;  /* SLOT_FIELD: its name in the source */
    const char *field; /* SLOT_FIELD: its field; SLOT_END: the member's name,
                          or NULL for an anonymous one */
    CXType type;       /* SLOT_FIELD: its type */
    int bytes;         /* SLOT_FIELD: declared as bytes of its size */
    int is_int;        /* SLOT_FIELD: an int (a temporary of && or ||) */
    int pinned;        /* SLOT_FIELD: lives there for its whole scope */
};
struct frame_visit {
    void (*fn)(void *ctx, const struct slot *s);
    void *ctx;
};
/* Calls v for each piece of co's frame, in declaration order. */
void frame_walk(const struct coro *co, const struct frame_visit *v);

/* Appends how the body names pinned local l: yc__f->x, or, for a slot of
   bytes, (*(T *)yc__f->x). */
void frame_name(const struct local *l, struct buf *b);

/* Appends the statements that save (save = 1) or reload the given local
   or temporary at a suspension point. */
void frame_spill_local(const struct local *l, int save, struct buf *b);
void frame_spill_temp(const struct temp *t, unsigned index, int save,
                      struct buf *b);

#endif
