/* prim.h - the runtime's blocking calls, written by hand as coroutines
   against the ABI that generated code uses (yieldc/abi.h).

   yieldc.h declares each one as a coroutine, e.g.

       YC_COROUTINE int yc_sleep_until(int64_t deadline);

   so a translated file that awaits it declares and calls

       struct yc__yc_sleep_until_res { struct yc__frame yc__hdr; int yc__ret; };
       int yc__yc_sleep_until_step(struct yc__frame *, struct yc__sched *,
                                   int64_t deadline);
       struct yc__frame *yc__yc_sleep_until_new(struct yc__sched *,
                                                struct yc__frame *caller);
       struct yc__frame *yc__yc_sleep_until_start(struct yc__sched *,
                                                  struct yc__frame *caller,
                                                  int64_t deadline);

   and plain C calls `int yc_sleep_until(int64_t)`. YC__PRIMITIVE defines
   those four from a frame struct and a run function:

       struct yc__yc_sleep_until_args { int64_t deadline; };
       struct sleep_frame {
           struct yc__prim p;                    // header, result, wait
           struct yc__yc_sleep_until_args a;     // the arguments
           ...                                   // whatever else it keeps
       };
       static int sleep_run(struct sleep_frame *f, struct yc__sched *s);
       YC__PRIMITIVE(yc_sleep_until, struct sleep_frame, sleep_run,
                     (int64_t deadline), (deadline))

   Every primitive returns int or ssize_t. Its run function runs at state 0
   when called; if it must wait, it queues links and returns
   yc__prim_block(..., state, ...) (YC__SUSPENDED, with s->susp set); it
   runs again at that state once woken, reads p.wait.result and returns
   yc__prim_done(&f->p, result). The run function is also the frame's
   resume function. */
#ifndef YC_PRIM_H
#define YC_PRIM_H

#include "wait.h"

#include <sys/types.h>

/* The head of every primitive's frame. Its first two fields have the
   layout of the ABI's struct yc__NAME_res for an int result, through
   which the awaiting caller reads the result. */
struct yc__prim {
    struct yc__frame hdr; /* the frame header (ABI) */
    union {
        int ret;      /* the result: yc__ret of struct yc__NAME_res */
        ssize_t sret; /* the same, for the I/O calls returning ssize_t */
    };
    struct yc__wait wait; /* the blocking state, valid once it blocks */
};

/* The wait record of t's blocking call, or NULL if t is not blocked: the
   primitive it blocked in is its innermost frame. */
static inline struct yc__wait *yc__task_wait(const struct yc_task *t) {
    if (!(t->abi.flags & YC__TASK_BLOCKED))
        return NULL;
    return &((struct yc__prim *)(void *)t->abi.top)->wait;
}

/* Ends t's frameless sleep with YC_ECANCELED (clock.c). */
void yc__sleep_cancel(struct yc__sched_full *s, struct yc_task *t);
/* Frees the timer of t's frameless sleep, at exit: the heap is being
   torn down, so it is not disarmed (clock.c). */
void yc__sleep_drop(struct yc__sched_full *s, struct yc_task *t);
/* Frees what t's frameless wait holds from the pool, at exit, without
   touching the object it waits on, which may be gone. */
void yc__wait_drop(struct yc__sched_full *s, struct yc_task *t);
/* The deadline of t's frameless sleep, or -1 (clock.c). */
int64_t yc__sleep_deadline(const struct yc_task *t);

/* Ends t's blocking call with YC_ECANCELED, unless it is shielded. */
void yc__wait_cancel(struct yc__sched_full *s, struct yc_task *t);

/* Allocates and initialises a primitive frame of `size` bytes, aligned to
   `align`. Inline, so that the size and alignment are constants. */
static inline void *yc__prim_alloc(struct yc__sched *s, unsigned size,
                                   unsigned align, struct yc__frame *caller,
                                   yc__resume_fn resume, const char *name) {
    struct yc__prim *p = (struct yc__prim *)(void *)yc__frame_new(
        s, size, align, resume, caller);
    p->ret = 0;
    p->wait.pending = 0;
    p->wait.pooled = 0;
    p->wait.nlinks = 0;
    p->wait.in_tq = 0;
    p->wait.timer = NULL;
    p->wait.what = name;
    p->wait.obj = NULL;
    p->wait.obj_task = 0;
    p->wait.obj_fd = 0;
    return p;
}

/* What a primitive's plain-C wrapper does: runs the primitive whose frame
   is f to completion, frees the frame and returns its result. (When
   plain calls run on stackful micro-threads, this is where they will
   suspend instead.) */
int yc__prim_call(struct yc__sched *s, struct yc__frame *f);
/* The same for a primitive returning ssize_t. */
ssize_t yc__prim_call_ssize(struct yc__sched *s, struct yc__frame *f);

/* Finishes the primitive with result rc. */
static inline int yc__prim_done(struct yc__prim *p, int rc) {
    p->ret = rc;
    return YC__DONE;
}

/* Finishes a primitive returning ssize_t with result r. */
static inline int yc__prim_done_ssize(struct yc__prim *p, ssize_t r) {
    p->sret = r;
    return YC__DONE;
}

/* Queues primitive p's only link l on queue q, with data stored in the
   link; obj is the object waited on, for reports. */
static inline void yc__prim_queue(struct yc__prim *p, struct yc__wq *q,
                                  struct yc__wlink *l, void *data,
                                  const void *obj) {
    p->wait.links = l;
    p->wait.nlinks = 1;
    p->wait.obj = obj;
    yc__wq_push(q, l, &p->wait, data);
}

/* Queues the running task of primitive p by its own link on task queue q
   (wait.h); obj is the object waited on, for reports. */
static inline void yc__prim_queue_task(struct yc__sched *s, struct yc__prim *p,
                                       struct yc__qnode *q, const void *obj) {
    p->wait.task = yc__cur(s);
    p->wait.in_tq = 1;
    p->wait.obj = obj;
    yc__tq_push(q, p->wait.task);
}

/* Suspends the running task in primitive p, whose links are queued (or
   that has none, like a sleep), to resume at `state` when woken. The
   deadline is the call's, to which the task's scope deadline is added.
   Returns YC__SUSPENDED; or, with the links unqueued and p->ret set,
   YC__DONE: YC_ETIMEDOUT if the deadline has passed, YC_ENOMEM if its
   timer could not be armed. */
int yc__prim_block(struct yc__sched *s, struct yc__prim *p, unsigned state,
                   int64_t deadline);

/* Suspends like yc__prim_block, but with no deadline and deaf to
   cancellation: for waits a call must finish whatever happens (relocking
   the mutex of a condition wait, waiting for a group's children). */
int yc__prim_block_shielded(struct yc__sched *s, struct yc__prim *p,
                            unsigned state);

/* The await of primitive `name` with these arguments in a frame of its
   own, from a yc__NAME_in function whose parameters are s and f
   (abi.h's yc__wait_done): returns its result, or 0 with the task
   waiting in that frame. The frame runs out of line (yc__in_frame), so
   that the frameless path of the yc__NAME_in function saves no
   registers. */
#define YC__IN_FRAME(name, ...)                                                \
    return yc__in_frame(s, yc__##name##_start(s, f, __VA_ARGS__))
/* Runs primitive frame p, made by its yc__NAME_start: returns its int
   result and frees it, or returns 0 with the task waiting in it. */
int yc__in_frame(struct yc__sched *s, struct yc__frame *p);

#define YC__UNPAREN(...) __VA_ARGS__

/* Defines primitive `name` (see the top of this file) returning rtype
   (int or ssize_t, read from p.ret or p.sret through call, that is
   yc__prim_call or yc__prim_call_ssize), whose frame is sizeof(frame_t)
   + extra bytes (extra may use the parameters).

   An await allocates the frame before the arguments are known
   (yc__NAME_new), so a primitive whose frame grows with them runs in a
   frame of its full size that the step function allocates, which then
   takes the first one's place: it is the one the task waits in and the
   awaiting caller frees, while the step frees the first. */
#define YC__PRIMITIVE_TYPED(name, rtype, call, frame_t, run, extra, params,    \
                            args)                                              \
    struct yc__##name##_res {                                                  \
        struct yc__frame yc__hdr;                                              \
        rtype yc__ret;                                                         \
    };                                                                         \
    _Static_assert(offsetof(struct yc__##name##_res, yc__ret) ==               \
                       offsetof(struct yc__prim, ret),                         \
                   "struct yc__prim must match the ABI result struct");        \
    _Static_assert(offsetof(frame_t, p) == 0, "the frame starts with p");      \
    rtype yc__##name##_step(struct yc__frame *yc__fp, struct yc__sched *yc__s, \
                            YC__UNPAREN params);                               \
    struct yc__frame *yc__##name##_new(struct yc__sched *yc__s,                \
                                       struct yc__frame *yc__caller);          \
    struct yc__frame *yc__##name##_start(struct yc__sched *yc__s,              \
                                         struct yc__frame *yc__caller,         \
                                         YC__UNPAREN params);                  \
    static int yc__##name##_resume(struct yc__frame *yc__f,                    \
                                   struct yc__sched *yc__s) {                  \
        return run((frame_t *)(void *)yc__f, yc__s);                           \
    }                                                                          \
    struct yc__frame *yc__##name##_new(struct yc__sched *yc__s,                \
                                       struct yc__frame *yc__caller) {         \
        return (struct yc__frame *)yc__prim_alloc(                             \
            yc__s, (unsigned)sizeof(frame_t), (unsigned)_Alignof(frame_t),     \
            yc__caller, yc__##name##_resume, #name);                           \
    }                                                                          \
    struct yc__frame *yc__##name##_start(struct yc__sched *yc__s,              \
                                         struct yc__frame *yc__caller,         \
                                         YC__UNPAREN params) {                 \
        frame_t *yc__f = (frame_t *)yc__prim_alloc(                            \
            yc__s, (unsigned)(sizeof(frame_t) + (extra)),                      \
            (unsigned)_Alignof(frame_t), yc__caller, yc__##name##_resume,      \
            #name);                                                            \
        yc__f->a = (struct yc__##name##_args){YC__UNPAREN args};               \
        return &yc__f->p.hdr;                                                  \
    }                                                                          \
    rtype yc__##name##_step(struct yc__frame *yc__fp, struct yc__sched *yc__s, \
                            YC__UNPAREN params) {                              \
        frame_t *yc__f = (frame_t *)(void *)yc__fp;                            \
        if ((extra) != 0) {                                                    \
            frame_t *yc__big = (frame_t *)(void *)yc__##name##_start(          \
                yc__s, yc__frame_caller(yc__fp), YC__UNPAREN args);            \
            if (run(yc__big, yc__s) == YC__SUSPENDED) {                        \
                yc__frame_free(yc__s, yc__fp); /* the caller's, unused now */  \
                return 0;                                                      \
            }                                                                  \
            rtype yc__r =                                                      \
                ((struct yc__##name##_res *)(void *)yc__big)->yc__ret;         \
            yc__frame_free(yc__s, &yc__big->p.hdr);                            \
            return yc__r;                                                      \
        }                                                                      \
        yc__f->a = (struct yc__##name##_args){YC__UNPAREN args};               \
        if (run(yc__f, yc__s) == YC__SUSPENDED)                                \
            return 0;                                                          \
        return ((struct yc__##name##_res *)(void *)yc__fp)->yc__ret;           \
    }                                                                          \
    rtype name(YC__UNPAREN params) {                                           \
        struct yc__sched *yc__s = yc__sched_get();                             \
        /* An await through a pointer to this wrapper (abi.h). */              \
        if (YC__UNLIKELY(yc__s->await_fn == (yc__fn)name)) {                   \
            yc__s->await_fn = 0;                                               \
            yc__s->await_frame = yc__##name##_start(                           \
                yc__s, yc__s->await_caller, YC__UNPAREN args);                 \
            return 0;                                                          \
        }                                                                      \
        return call(yc__s, yc__##name##_start(yc__s, yc__sync_caller(yc__s),   \
                                              YC__UNPAREN args));              \
    }

#define YC__PRIMITIVE_SIZED(name, frame_t, run, extra, params, args)           \
    YC__PRIMITIVE_TYPED(name, int, yc__prim_call, frame_t, run, extra, params, \
                        args)

#define YC__PRIMITIVE(name, frame_t, run, params, args)                        \
    YC__PRIMITIVE_SIZED(name, frame_t, run, 0, params, args)

#endif
