/* prim.h - the runtime's blocking calls, written by hand as coroutines
   against the ABI that generated code uses (yieldc/abi.h).

   yieldc.h declares each one as a coroutine, e.g.

       YC_COROUTINE int yc_sleep_until(int64_t deadline);

   so a translated file that awaits it declares and calls

       struct yc__yc_sleep_until_res { struct yc__frame yc__hdr; int yc__ret; };
       struct yc__frame *yc__yc_sleep_until_start(struct yc__sched *,
                                                  struct yc__frame *caller,
                                                  int64_t deadline);
       int yc__yc_sleep_until_step(struct yc__frame *, struct yc__sched *);

   and plain C calls `int yc_sleep_until(int64_t)`. YC__PRIMITIVE defines
   those three from a frame struct and a step body:

       struct yc__yc_sleep_until_args { int64_t deadline; };
       struct sleep_frame {
           struct yc__prim p;                    // header, result, wait
           struct yc__yc_sleep_until_args a;     // the arguments
           ...                                   // whatever else it keeps
       };
       static int sleep_run(struct sleep_frame *f, struct yc__sched *s);
       YC__PRIMITIVE(yc_sleep_until, struct sleep_frame, sleep_run,
                     (int64_t deadline), (deadline))

   Every primitive returns int. Its step runs at state 0 when called; if it
   must wait, it queues links and returns yc__prim_block(..., state, ...)
   (YC__SUSPENDED); it runs again at that state once woken, reads
   p.wait.result and returns yc__prim_done(&f->p, result). */
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

/* Allocates and initialises a primitive frame of `size` bytes. */
void *yc__prim_alloc(struct yc__sched *s, unsigned size,
                     struct yc__frame *caller, yc__step_fn step,
                     const char *name);

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
    yc__wq_push(q, l, &p->wait, data, 0);
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

#define YC__UNPAREN(...) __VA_ARGS__

/* Defines primitive `name` (see the top of this file) returning rtype
   (int or ssize_t, read from p.ret or p.sret through call, that is
   yc__prim_call or yc__prim_call_ssize), whose frame is sizeof(frame_t)
   + extra bytes (extra may use the parameters). */
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
    int yc__##name##_step(struct yc__frame *yc__f, struct yc__sched *yc__s);   \
    struct yc__frame *yc__##name##_start(struct yc__sched *yc__s,              \
                                         struct yc__frame *yc__caller,         \
                                         YC__UNPAREN params);                  \
    int yc__##name##_step(struct yc__frame *yc__f, struct yc__sched *yc__s) {  \
        return run((frame_t *)(void *)yc__f, yc__s);                           \
    }                                                                          \
    struct yc__frame *yc__##name##_start(struct yc__sched *yc__s,              \
                                         struct yc__frame *yc__caller,         \
                                         YC__UNPAREN params) {                 \
        frame_t *yc__f = (frame_t *)yc__prim_alloc(                            \
            yc__s, (unsigned)(sizeof(frame_t) + (extra)), yc__caller,          \
            yc__##name##_step, #name);                                         \
        yc__f->a = (struct yc__##name##_args){YC__UNPAREN args};               \
        return &yc__f->p.hdr;                                                  \
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
        return call(yc__s, yc__##name##_start(yc__s, NULL, YC__UNPAREN args)); \
    }

#define YC__PRIMITIVE_SIZED(name, frame_t, run, extra, params, args)           \
    YC__PRIMITIVE_TYPED(name, int, yc__prim_call, frame_t, run, extra, params, \
                        args)

#define YC__PRIMITIVE(name, frame_t, run, params, args)                        \
    YC__PRIMITIVE_SIZED(name, frame_t, run, 0, params, args)

#endif
