/* threads.h - micro-threads on every core: the scheduler threads that
   yc_threads_start runs, and the tasks started with YC_SPAWN_ANY and
   YC_SPAWN_ON, which run on another thread than the one that started
   them.

   A task runs where it starts and stays there: what moves is a task that
   has not started yet. Such a task is two tasks. The proxy, on the thread
   that started it (its home), is what the program sees: its handle, its
   joiners, its group, its root frame, which holds the result. The twin,
   on the thread that takes it (the runner), runs the root frame and
   everything it calls. Each side touches only its own task, so neither
   needs a lock; they meet in a record (struct yc__away) that travels
   between the two threads' wake queues:

       home                                runner
       proxy (SPREAD) ── adopt ──────────▶ twin (TWIN) runs the frames
              ◀───────── done ──────────── twin finishes: freed
       proxy finished: joiners woken, group told, result read

   A task started with YC_SPAWN_ANY waits in its home's spread queue,
   from which the home itself takes it back when it has nothing else to
   do, and other threads steal half of it when they are idle. */
#ifndef YC_THREADS_H
#define YC_THREADS_H

#include "task.h"

/* The record a proxy and its twin share (a detached task started
   elsewhere has no proxy: its record only carries the root frame). */
struct yc__away {
    struct yc__remote r;         /* queued at the runner (adopt, when
                                    started on a given thread), then at
                                    home (done) */
    struct yc_task *proxy;       /* home's task, or NULL */
    struct yc__frame *root;      /* the root frame both run and read */
    struct yc__sched_full *home; /* where the proxy is */
    struct yc__sched_full *_Atomic runner; /* set when a thread takes it */
    struct yc_task *twin; /* runner only: the running twin, NULL
                                      once it has finished */
    int adopted;          /* the runner has made the twin */
    atomic_int cancel;    /* home has cancelled the proxy */
    atomic_int refs;      /* home's reference and the cancel
                                      requests in flight: the last frees */
};

/* Whether yc_threads_start has run: read on idle paths only. */
extern atomic_int yc__threads_on;

/* Starts frame f (a spawn with `flags`, YC__TASK_DETACHED or 0) where
   the last yc__place asked: returns 0 when that is s itself (the caller
   starts it as usual), else 1, with the proxy on s in *proxy for a task
   that is not detached (a detached one has none: the thread that runs it
   owns it). */
int yc__spread(struct yc__sched_full *s, struct yc__frame *f, unsigned flags,
               struct yc_task **proxy);
/* Called by the runner when twin t has finished: frees it and tells the
   home. */
void yc__twin_finished(struct yc__sched_full *s, struct yc_task *t);
/* Cancels proxy t (its home's yc__task_cancel): the twin, wherever it
   runs, is cancelled there. */
void yc__proxy_cancel(struct yc__sched_full *s, struct yc_task *t);
/* At teardown: frees what proxy t holds; whether its root frame is still
   its to free (no twin was ever made) is the return value. */
int yc__proxy_drop(struct yc__sched_full *s, struct yc_task *t);

/* Idle scheduler s looks for work: its own spread tasks, then other
   threads'. Returns whether it queued any. */
int yc__threads_find_work(struct yc__sched_full *s);
/* Before blocking for lack of work, an idle scheduler thread spins a
   few microseconds (not past the next timer, `next`), in case work is
   about to arrive: a wake-up through the poller costs far more. Returns
   whether work came. */
int yc__threads_spin(struct yc__sched_full *s, int64_t next);
/* Before and after blocking for lack of work: marks s idle, so that new
   spread tasks wake it (the mark is set, then queues are looked at once
   more: enter returns 1, unmarked, if work turned up). */
int yc__threads_idle_enter(struct yc__sched_full *s);
void yc__threads_idle_leave(struct yc__sched_full *s);
/* Stops and joins the threads that yc_threads_start made (when thread 0's
   scheduler is torn down). */
void yc__threads_stop(void);

/* At the start of s's teardown: frees the detached tasks still in its
   spread queue, and keeps a worker's frame memory (its pool's chunks)
   until yc__threads_end, since other threads' pools hold frames of it. */
void yc__threads_drop(struct yc__sched_full *s);
/* Frees the memory of the records and the kept chunks, at the very end of thread 0's
   scheduler (after yc__threads_stop and its own teardown). */
void yc__threads_end(void);

/* The worker thread's loop (sched.c): runs rounds until *stop. */
void yc__sched_serve(struct yc__sched_full *s, const atomic_int *stop);

#endif
