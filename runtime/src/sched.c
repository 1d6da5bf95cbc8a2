/* sched.c - the stackless scheduler: one per OS thread, a FIFO run queue
   of tasks, each running a chain of coroutine frames. */
#include "sched.h"

#include <stdio.h>
#include <stdlib.h>

static _Thread_local struct yc__sched_full *current;

static void destroy_at_exit(void);

struct yc__sched *yc__sched_get(void) {
    if (YC__LIKELY(current != NULL))
        return &current->abi;
    struct yc__sched_full *s = calloc(1, sizeof *s);
    if (!s) {
        fputs("yieldc: out of memory creating a scheduler\n", stderr);
        abort();
    }
    s->next_id = 1;
    current = s;
    /* The main thread's scheduler is torn down at exit so that leak
       checkers see only the program's own leaks. */
    static int registered;
    if (!registered) {
        registered = 1;
        atexit(destroy_at_exit);
    }
    return &s->abi;
}

/* ------------------------------------------------------------------ */
/* Tasks and the run queue                                             */
/* ------------------------------------------------------------------ */

static void enqueue(struct yc__sched_full *s, struct yc__task *t) {
    t->next = NULL;
    if (s->tail)
        s->tail->next = t;
    else
        s->head = t;
    s->tail = t;
}

static struct yc__task *dequeue(struct yc__sched_full *s) {
    struct yc__task *t = s->head;
    if (t) {
        s->head = t->next;
        if (!s->head)
            s->tail = NULL;
        t->next = NULL;
    }
    return t;
}

static struct yc__task *task_new(struct yc__sched_full *s,
                                 struct yc__frame *root) {
    struct yc__task *t = s->free_tasks;
    if (t) {
        s->free_tasks = t->next;
    } else {
        t = malloc(sizeof *t);
        if (!t) {
            fputs("yieldc: out of memory creating a task\n", stderr);
            abort();
        }
    }
    t->next = NULL;
    t->top = root;
    t->flags = 0;
    t->id = s->next_id++;
    s->ntasks++;
    return t;
}

static void task_free(struct yc__sched_full *s, struct yc__task *t) {
    t->next = s->free_tasks;
    s->free_tasks = t;
}

/* Runs task t from its innermost frame until it suspends or its root frame
   returns. When a frame returns, task->top is left pointing at it so that
   its caller, resumed next, can read the result and free it. */
static void resume(struct yc__sched_full *s, struct yc__task *t) {
    struct yc__task *saved = s->abi.cur;
    s->abi.cur = t;
    s->running++;
    struct yc__frame *f = t->top;
    while (f->step(f, &s->abi) == YC__DONE) {
        t->top = f;
        if (!f->caller) {
            t->flags |= YC__TASK_DONE;
            s->ntasks--;
            if (t->flags & YC__TASK_DETACHED) {
                yc__frame_free(&s->abi, f);
                task_free(s, t);
            }
            break;
        }
        f = f->caller;
    }
    s->running--;
    s->abi.cur = saved;
}

void yc__yield(struct yc__sched *abi, struct yc__frame *f, unsigned state) {
    struct yc__sched_full *s = yc__full(abi);
    f->state = state;
    abi->cur->top = f;
    enqueue(s, abi->cur);
}

void yc__spawn(struct yc__sched *abi, struct yc__frame *f) {
    struct yc__sched_full *s = yc__full(abi);
    struct yc__task *t = task_new(s, f);
    t->flags |= YC__TASK_DETACHED;
    enqueue(s, t);
}

/* Nothing can run and the awaited task has not finished: report every
   blocked task and end the program rather than hang. */
static void deadlock(struct yc__sched_full *s, struct yc__task *waited) {
    fprintf(stderr,
            "yieldc: deadlock: no micro-thread can run, and task %u has not "
            "finished (%u task%s blocked)\n",
            waited->id, s->ntasks, s->ntasks == 1 ? "" : "s");
    exit(2);
}

void yc__run_sync(struct yc__sched *abi, struct yc__frame *f) {
    struct yc__sched_full *s = yc__full(abi);
    struct yc__task *t = task_new(s, f);
    /* The call runs at once, like the plain call it stands for; other
       tasks run only while it is suspended. */
    resume(s, t);
    while (!(t->flags & YC__TASK_DONE)) {
        struct yc__task *next = dequeue(s);
        if (!next)
            deadlock(s, t);
        resume(s, next);
    }
    task_free(s, t);
}

void yc__bad_state(const char *coroutine, unsigned state) {
    fprintf(stderr,
            "yieldc: corrupted frame: coroutine '%s' has no resume state "
            "%u\n",
            coroutine, state);
    abort();
}

/* ------------------------------------------------------------------ */
/* Teardown                                                            */
/* ------------------------------------------------------------------ */

static void destroy_at_exit(void) {
    struct yc__sched_full *s = current;
    /* exit() from inside a coroutine: frames are still in use. */
    if (!s || s->running)
        return;
    struct yc__task *t;
    while ((t = dequeue(s)) != NULL) {
        yc__frame_free_chain(&s->abi, t->top);
        task_free(s, t);
    }
    while ((t = s->free_tasks) != NULL) {
        s->free_tasks = t->next;
        free(t);
    }
    yc__frame_pool_destroy(&s->abi);
    current = NULL;
    free(s);
}
