/* stackful.c - stackful micro-threads: frames whose body runs on a stack of
   its own, so that plain C code (a library's callback, a coroutine lowered
   stackfully) can suspend.

   A stackful frame is an ordinary frame to everyone else: its step
   function (yc__fiber_step) switches to the frame's stack and returns when
   the code there suspends (YC__SUSPENDED) or its body returns (YC__DONE).
   Code on the stack suspends in two ways: yc__fiber_yield, and
   yc__run_sync, which every coroutine's plain wrapper calls. There the
   callee's frame gets the stackful frame as its caller and runs; if it
   suspends, the stack switches out, and when the callee finishes the
   scheduler resumes its caller - this frame - and so switches back in, right
   where yc__run_sync left off.

       scheduler stack              micro-thread stack
       yc__fiber_step ──switch──▶  body ... wrapper ... yc__run_sync
                      ◀──switch──  (callee suspended)
       ... callee finishes ...
       yc__fiber_step ──switch──▶  yc__run_sync returns the result

   Stacks can also nest: a stackless frame started on a stack may await
   another stackful frame, whose step then switches from stack to stack. */
#include "stackful.h"

#include "fiber.h"
#include "sched.h"
#include "stack.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* The running state of one stackful frame. */
struct yc__fiber {
    struct yc__ctx ctx;           /* its own context, while switched out */
    struct yc__ctx back;          /* the context its step was called from */
    const void *back_lo;          /* the stack of `back` (NULL: the thread's) */
    size_t back_size;             /* its size */
    struct yc__stack *stack;      /* its stack */
    struct yc__frame *frame;      /* the frame it runs */
    struct yc__fiber_slot *slot;  /* the frame's slot: entry and stack size */
    int finished;                 /* the body has returned */
    struct yc__stack_call *calls; /* its innermost coroutine call, while
                                     switched out (s->calls while it runs) */
    struct yc__fiber *next;       /* this thread's live micro-threads */
    struct yc__fiber *prev;
};

/* Live micro-threads of this thread, for the teardown. */
static _Thread_local struct yc__fiber *live;

static void unlink_fiber(struct yc__fiber *fb) {
    if (fb->prev)
        fb->prev->next = fb->next;
    else
        live = fb->next;
    if (fb->next)
        fb->next->prev = fb->prev;
}

/* The first function on a new stack: runs the body, then leaves the stack
   for good. */
static void fiber_main(void *arg) {
    struct yc__fiber *fb = arg;
    yc__fiber_enter();
    fb->slot->entry(fb->frame);
    fb->finished = 1;
    yc__fiber_exit(&fb->ctx, &fb->back, fb->back_lo, fb->back_size);
    abort(); /* a finished context is never resumed */
}

static struct yc__fiber *fiber_new(struct yc__sched *s, struct yc__frame *f,
                                   struct yc__fiber_slot *slot) {
    struct yc__fiber *fb = malloc(sizeof *fb);
    if (!fb)
        yc__oom("creating a stackful micro-thread");
    unsigned long id = s->cur ? s->cur->id : 0;
    if (yc__stack_alloc(slot->stack_size, id, &fb->stack) != 0)
        yc__oom("allocating a stack");
    fb->frame = f;
    fb->slot = slot;
    fb->finished = 0;
    fb->calls = NULL;
    yc__ctx_make(&fb->ctx, fb->stack->lo, fb->stack->size, fiber_main, fb);
    fb->prev = NULL;
    fb->next = live;
    if (live)
        live->prev = fb;
    live = fb;
    return fb;
}

void yc__fiber_destroy_all(void) {
    while (live) {
        struct yc__fiber *fb = live;
        unlink_fiber(fb);
        yc__fiber_forget(&fb->ctx);
        yc__stack_free(fb->stack);
        free(fb);
    }
}

int yc__fiber_step(struct yc__frame *f, struct yc__sched *s,
                   struct yc__fiber_slot *slot) {
    struct yc__fiber *fb = slot->fiber;
    if (!fb)
        fb = slot->fiber = fiber_new(s, f, slot);
    struct yc__fiber *outer = s->fiber;
    fb->back_lo = outer ? outer->stack->lo : NULL;
    fb->back_size = outer ? outer->stack->size : 0;
    struct yc__stack_call *outer_calls = s->calls;
    s->fiber = fb;
    s->calls = fb->calls;
    yc__fiber_switch(&fb->back, &fb->ctx, fb->stack->lo, fb->stack->size);
    fb->calls = s->calls;
    s->calls = outer_calls;
    s->fiber = outer;
    if (!fb->finished)
        return YC__SUSPENDED;
    unlink_fiber(fb);
    yc__stack_free(fb->stack);
    free(fb);
    slot->fiber = NULL;
    return YC__DONE;
}

/* Switches from the running micro-thread back to whoever stepped it; returns
   when its frame is stepped again. */
static void suspend(struct yc__fiber *fb) {
    yc__fiber_switch(&fb->ctx, &fb->back, fb->back_lo, fb->back_size);
}

void yc__fiber_yield(struct yc__sched *s) {
    struct yc__fiber *fb = s->fiber;
    if (!fb) {
        /* A variadic coroutine called from plain code runs on the
           caller's stack: let the others run, as a plain call does. */
        yc__round_from_plain(yc__full(s));
        return;
    }
    if (yc__yield(s, fb->frame, 1))
        suspend(fb);
}

struct yc__frame *yc__fiber_frame(const struct yc__fiber *fb) {
    return fb->frame;
}

unsigned yc__fiber_calls(const struct yc__sched *s, const struct yc__frame *f,
                         const struct yc__stack_call **out, unsigned max) {
    const struct yc__fiber *fb = live;
    while (fb && fb->frame != f)
        fb = fb->next;
    if (!fb)
        return 0;
    /* A longjmp can leave a stale record in the chain, whose memory a
       later call reuses: only records inside this stack, each above the
       one before, are read. */
    uintptr_t lo = (uintptr_t)fb->stack->lo, hi = lo + fb->stack->size;
    const struct yc__stack_call *c = fb == s->fiber ? s->calls : fb->calls;
    unsigned n = 0;
    for (uintptr_t last = 0; c && n < max; c = c->up) {
        uintptr_t at = (uintptr_t)c;
        if (at < lo || at + sizeof *c > hi || at <= last)
            break;
        out[n++] = c;
        last = at;
    }
    return n;
}

void yc__fiber_run(struct yc__sched *s, struct yc__frame *f) {
    struct yc__fiber *fb = s->fiber;
    /* The wrapper made f with this caller (yc__sync_caller). */
    yc_assert(yc__frame_caller(f) == fb->frame);
    if (f->resume(f, s) == YC__DONE)
        return;
    /* The suspension unwound the C stack of this micro-thread up to here;
       the switch below goes on unwinding the scheduler's. */
    /* The innermost suspended frame has set the task's top. When f
       finishes, the scheduler sets top to f and steps our frame. */
    suspend(fb);
}

/* ------------------------------------------------------------------ */
/* Plain C on stackful micro-threads                                   */
/* ------------------------------------------------------------------ */

/* The frame of yc_go: a plain function and its argument. */
struct go_frame {
    struct yc__frame hdr;     /* every frame's header */
    void *ret;                /* fn's result, read by yc_task_join */
    struct yc__fiber_slot fs; /* the stack it runs on */
    void *(*fn)(void *);      /* the function */
    void *arg;                /* its argument */
};

static void go_entry(struct yc__frame *f) {
    struct go_frame *g = (struct go_frame *)f;
    g->ret = g->fn(g->arg);
}

static int go_resume(struct yc__frame *f, struct yc__sched *s) {
    return yc__fiber_step(f, s, &((struct go_frame *)f)->fs);
}

yc_task *yc_go(void *(*fn)(void *arg), void *arg, size_t stack_size) {
    struct yc__sched *s = yc__sched_get();
    struct go_frame *g = (struct go_frame *)(void *)yc__frame_new(
        s, sizeof *g, _Alignof(struct go_frame), go_resume, NULL);
    g->ret = NULL;
    g->fs.entry = go_entry;
    g->fs.fiber = NULL;
    g->fs.stack_size = stack_size;
    g->fn = fn;
    g->arg = arg;
    return yc__async(s, &g->hdr, offsetof(struct go_frame, ret), sizeof g->ret);
}

int yc_yield(void) {
    struct yc__sched *s = yc__sched_get();
    if (!s->fiber)
        return YC_EPERM;
    yc__fiber_yield(s);
    return 0;
}

int yc_on_stack(void) { return yc__sched_get()->fiber != NULL; }

void yc_stack_default(size_t bytes) { yc__stack_default = bytes; }
