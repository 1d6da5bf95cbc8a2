/* report.c - reports about tasks: the deadlock report, the exit report
   of tasks never joined or never resumed, and task names. */
#include "report.h"
#include "prim.h"

#ifndef YC_DEBUG
#define YC_DEBUG 0
#endif

static int exit_report_on = YC_DEBUG; /* yc_debug_report */
static int deadlocked;                /* the deadlock report was printed */

void yc_debug_report(int enable) { exit_report_on = enable != 0; }

/* Whether frame f is the primitive in which t is blocked. */
static int is_wait_frame(const struct yc_task *t, const struct yc__frame *f) {
    return t->wait && (const char *)t->wait - offsetof(struct yc__prim, wait) ==
                          (const char *)f;
}

const char *yc__task_name(const struct yc_task *t) {
    const struct yc__frame *f = t->abi.top;
    while (f->caller)
        f = f->caller;
    const struct yc__coro_info *info = yc__coro_lookup(f->step);
    if (info)
        return info->name;
    if (is_wait_frame(t, f))
        return t->wait->what;
    return "?";
}

/* Prints "<indent>at NAME (FILE:LINE)" for each coroutine of t's chain,
   innermost first, skipping the primitive it is blocked in. */
static void print_chain(const struct yc_task *t, const char *indent) {
    const struct yc__frame *f = t->abi.top;
    if (is_wait_frame(t, f))
        f = f->caller;
    for (; f; f = f->caller) {
        const struct yc__coro_info *info = yc__coro_lookup(f->step);
        if (!info) {
            fprintf(stderr, "%s  at ? (a coroutine of an unregistered file)\n",
                    indent);
            continue;
        }
        unsigned line = f->state < info->nlines ? info->lines[f->state]
                        : info->nlines          ? info->lines[0]
                                                : 0;
        fprintf(stderr, "%s  at %s (%s:%u)\n", indent, info->name,
                info->file ? info->file : "?", line);
    }
}

/* Prints what t waits in: "task 3 (worker) waits in yc_chan_recv on 0x..". */
static void print_wait(const struct yc_task *t, const char *indent) {
    const struct yc__wait *w = t->wait;
    fprintf(stderr, "%stask %u (%s) waits in %s", indent, t->abi.id,
            yc__task_name(t), w->what);
    if (w->obj_task)
        fprintf(stderr, " on task %u",
                ((const struct yc_task *)w->obj)->abi.id);
    else if (w->obj_fd)
        fprintf(stderr, " on fd %d", (int)(intptr_t)w->obj);
    else if (w->obj)
        fprintf(stderr, " on %p", w->obj);
    if (w->shielded)
        fputs(" (not cancellable)", stderr);
    fputc('\n', stderr);
    print_chain(t, indent);
}

void yc__report_blocked(struct yc__sched_full *s, const char *indent) {
    for (struct yc_task *t = s->all_head; t; t = t->all_next)
        if (t->wait)
            print_wait(t, indent);
}

void yc__deadlock(struct yc__sched_full *s) {
    unsigned n = 0;
    for (struct yc_task *t = s->all_head; t; t = t->all_next)
        n += t->wait != NULL;
    fflush(stdout);
    fprintf(stderr,
            "yieldc: deadlock: no micro-thread can run and nothing is "
            "pending; %u task%s blocked:\n",
            n, n == 1 ? " is" : "s are");
    yc__report_blocked(s, "  ");
    deadlocked = 1;
    exit(2);
}

void yc__exit_report(struct yc__sched_full *s) {
    if (!exit_report_on || deadlocked)
        return;
    fflush(stdout);
    for (struct yc_task *t = s->all_head; t; t = t->all_next) {
        if (t->abi.flags & YC__TASK_SYNC)
            continue;
        if (t->abi.flags & YC__TASK_DONE) {
            fprintf(stderr,
                    "yieldc: at exit: task %u (%s) finished but was never "
                    "joined\n",
                    t->abi.id, yc__task_name(t));
        } else if (t->wait) {
            fputs("yieldc: at exit: never resumed: ", stderr);
            print_wait(t, "");
        } else {
            fprintf(stderr,
                    "yieldc: at exit: task %u (%s) was ready but never "
                    "resumed\n",
                    t->abi.id, yc__task_name(t));
            print_chain(t, "");
        }
    }
}
