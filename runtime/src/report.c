/* report.c - reports about tasks: backtraces (yc_backtrace), the dump of
   every task (yc_sched_dump), the deadlock report, the exit report of
   tasks never joined or never resumed, and task names.

   Every report is written with write(2) through a small buffer on the
   stack, without stdio, malloc or locks, so that backtraces and dumps can
   be printed from a signal handler. */
#include "report.h"
#include "chan.h"
#include "prim.h"
#include "stackful.h"

#include <errno.h>
#include <unistd.h>

#ifndef YC_DEBUG
#define YC_DEBUG 0
#endif

static int exit_report_on = YC_DEBUG; /* yc_debug_report */
static int deadlocked;                /* the deadlock report was printed */

void yc_debug_report(int enable) { exit_report_on = enable != 0; }

/* ------------------------------------------------------------------ */
/* Output safe in a signal handler                                     */
/* ------------------------------------------------------------------ */

/* Text on its way to fd. Lines are short, so a buffer of this size turns a
   report into a few writes. */
struct out {
    int fd;        /* where the report goes */
    unsigned len;  /* bytes in buf */
    char buf[512]; /* pending text */
};

/* Writes out the buffer. A failed write drops the text: a report has no
   one to tell. */
static void out_flush(struct out *o) {
    const char *p = o->buf;
    unsigned left = o->len;
    while (left) {
        ssize_t n = write(o->fd, p, left);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        p += n;
        left -= (unsigned)n;
    }
    o->len = 0;
}

static void out_char(struct out *o, char c) {
    if (o->len == sizeof o->buf)
        out_flush(o);
    o->buf[o->len++] = c;
}

static void out_str(struct out *o, const char *s) {
    while (*s)
        out_char(o, *s++);
}

static void out_uint(struct out *o, unsigned long long v) {
    char digits[20];
    unsigned n = 0;
    do
        digits[n++] = (char)('0' + v % 10);
    while (v /= 10);
    while (n)
        out_char(o, digits[--n]);
}

/* A pointer as "0x..." in lowercase hex, as printf's %p writes it. */
static void out_ptr(struct out *o, const void *p) {
    static const char hex[] = "0123456789abcdef";
    uintptr_t v = (uintptr_t)p;
    int shift = (int)sizeof v * 8 - 4;
    out_str(o, "0x");
    while (shift > 0 && !(v >> shift & 15))
        shift -= 4;
    for (; shift >= 0; shift -= 4)
        out_char(o, hex[v >> shift & 15]);
}

/* Reports written to stderr follow what the program printed to stdout. */
static void out_stderr(struct out *o) {
    fflush(stdout);
    fflush(stderr);
    o->fd = 2;
    o->len = 0;
}

/* ------------------------------------------------------------------ */
/* Tasks and their chains                                              */
/* ------------------------------------------------------------------ */

/* Whether frame f is the primitive in which t is blocked. */
static int is_wait_frame(const struct yc_task *t, const struct yc__frame *f) {
    return (t->abi.flags & YC__TASK_BLOCKED) && t->abi.top == f;
}

const char *yc__task_name(const struct yc_task *t) {
    /* Not abi.top of a running task: it may be a freed callee's frame. */
    const struct yc__sched_full *s = yc__sched_peek();
    const struct yc__frame *f = s ? yc__task_stepping(s, t) : NULL;
    if (!f)
        f = t->abi.top;
    while (yc__frame_caller(f))
        f = yc__frame_caller(f);
    const struct yc__coro_info *info = yc__coro_lookup(f->resume);
    if (info)
        return info->name;
    if (is_wait_frame(t, f))
        return yc__task_wait(t)->what;
    return "?";
}

/* The innermost frame of t's chain that a report can trust, or NULL for a
   finished task or one whose frames run on another thread. A task the scheduler is running has moved past abi.top,
   which may be a finished frame by now: the frame the scheduler stepped
   is alive, and on a stackful micro-thread so is the frame whose stack
   runs. Frames that the stepped frame entered since (an await that has
   not suspended) are not known from outside; an awaited yc_backtrace
   starts from its own caller instead. */
static const struct yc__frame *chain_start(const struct yc__sched_full *s,
                                           const struct yc_task *t) {
    /* A proxy's frames run on another thread (threads.h), whose report
       shows them: their states change under this one. */
    if (t->abi.flags & (YC__TASK_DONE | YC__TASK_SPREAD))
        return NULL;
    if (&t->abi == s->abi.cur && s->abi.fiber)
        return yc__fiber_frame(s->abi.fiber);
    const struct yc__frame *f = yc__task_stepping(s, t);
    if (f)
        return f;
    f = t->abi.top;
    return is_wait_frame(t, f) ? yc__frame_caller(f) : f;
}

/* Writes "<indent>  at NAME (FILE:LINE)" for the coroutine whose frames
   resume runs, or "at ?" for one of an unregistered file. */
static void print_at(struct out *o, yc__resume_fn resume, int has_line,
                     unsigned line, unsigned state, const char *indent) {
    const struct yc__coro_info *info = yc__coro_lookup(resume);
    out_str(o, indent);
    if (!info) {
        out_str(o, "  at ? (a coroutine of an unregistered file)\n");
        return;
    }
    if (!has_line)
        line = state < info->nlines ? info->lines[state]
               : info->nlines       ? info->lines[0]
                                    : 0;
    out_str(o, "  at ");
    out_str(o, info->name);
    out_str(o, " (");
    out_str(o, info->file ? info->file : "?");
    out_char(o, ':');
    out_uint(o, line);
    out_str(o, ")\n");
}

/* Writes "<indent>  at NAME (FILE:LINE)" for f and each frame up its
   chain, innermost first. LINE is the line of the suspension point the
   frame waits at, or last resumed from; before its first suspension, the
   line of the coroutine's definition. A frame that runs a stack of its
   own stands for the coroutine calls on that stack, each at the line it
   is at (yieldc/abi.h: struct yc__stack_call). */
static void print_chain(struct out *o, const struct yc__sched_full *s,
                        const struct yc__frame *f, const char *indent) {
    for (; f; f = yc__frame_caller(f)) {
        /* The innermost 64 calls of a stack: enough to see where it is,
           bounded for a signal handler's report. */
        const struct yc__stack_call *calls[65];
        unsigned n = s ? yc__fiber_calls(&s->abi, f, calls, 65) : 0;
        if (!n)
            print_at(o, f->resume, 0, 0, f->state, indent);
        for (unsigned k = 0; k < n && k < 64; k++)
            print_at(o, calls[k]->resume, 1, calls[k]->line, 0, indent);
        if (n > 64) {
            out_str(o, indent);
            out_str(o, "  ... (more coroutine calls on this stack)\n");
        }
    }
}

static void print_task_head(struct out *o, const struct yc_task *t,
                            const char *indent) {
    out_str(o, indent);
    out_str(o, "task ");
    out_uint(o, t->abi.id);
    out_str(o, " (");
    out_str(o, yc__task_name(t));
    out_char(o, ')');
}

/* Whether t is blocked in a call: in a primitive's frame, or by its own
   link (wait.h). */
static int is_blocked(const struct yc_task *t) {
    return (t->abi.flags & (YC__TASK_BLOCKED | YC__TASK_WAITING)) != 0;
}

/* Writes what t, waiting with no frame of the call, waits in and on. */
static void print_bare_wait(struct out *o, const struct yc_task *t) {
    static const struct {
        const char *what;
        size_t head; /* where the object holds its queue's head */
    } kinds[] = {
        {"?", 0},
        {"yc_event_wait", offsetof(yc_event, yc__waiters)},
        {"yc_mutex_lock", offsetof(yc_mutex, yc__waiters)},
        {"yc_sem_acquire", offsetof(yc_sem, yc__waiters)},
        {"yc_chan_send", offsetof(struct yc_chan, senders)},
        {"yc_chan_recv", offsetof(struct yc_chan, receivers)},
        {"yc_sleep_until", 0},
        {"yc_sleep_for", 0},
    };
    unsigned k = yc__wait_kind(t);
    const void *q;
    if (k == YC__WAIT_SLEEP_UNTIL || k == YC__WAIT_SLEEP_FOR) {
        out_str(o, kinds[k].what);
        int64_t d = yc__sleep_deadline(t);
        if (d >= 0) {
            /* The clock, not the round's cached time (print_wait). */
            int64_t left = d - yc__clock_read();
            out_str(o, ", ");
            out_uint(o, left > 0 ? (unsigned long long)(left + 999999) / 1000000
                                 : 0);
            out_str(o, " ms left");
        }
        out_char(o, '\n');
        return;
    }
    if (k == YC__WAIT_SEND || k == YC__WAIT_RECV)
        q = ((const struct yc__wlink *)(const void *)t->abi.link.yc__prev)->q;
    else
        q = yc__tq_head_of(t);
    out_str(o, k < sizeof kinds / sizeof *kinds ? kinds[k].what : "?");
    if (q && k < sizeof kinds / sizeof *kinds) {
        out_str(o, " on ");
        out_ptr(o, (const char *)q - kinds[k].head);
    }
    out_char(o, '\n');
}

/* Writes what t waits in: "task 3 (worker) waits in yc_chan_recv on 0x..",
   then its chain. */
static void print_wait(struct out *o, const struct yc__sched_full *s,
                       const struct yc_task *t, const char *indent) {
    print_task_head(o, t, indent);
    out_str(o, " waits in ");
    if (t->abi.flags & YC__TASK_WAITING) {
        print_bare_wait(o, t);
        print_chain(o, s, chain_start(s, t), indent);
        return;
    }
    const struct yc__wait *w = yc__task_wait(t);
    out_str(o, w->what);
    if (w->obj_task) {
        out_str(o, " on task ");
        out_uint(o, ((const struct yc_task *)w->obj)->abi.id);
    } else if (w->obj_fd) {
        out_str(o, " on fd ");
        out_uint(o, (unsigned long long)(intptr_t)w->obj);
    } else if (w->obj) {
        out_str(o, " on ");
        out_ptr(o, w->obj);
    }
    if (w->shielded)
        out_str(o, " (not cancellable)");
    if (w->timer && yc__timer_armed(&w->timer->t)) {
        /* The clock, not the round's cached time: this may run in a
           signal handler, in the middle of a round. */
        int64_t left = w->timer->t.yc__deadline - yc__clock_read();
        out_str(o, ", ");
        out_uint(o,
                 left > 0 ? (unsigned long long)(left + 999999) / 1000000 : 0);
        out_str(o, " ms left");
    }
    out_char(o, '\n');
    print_chain(o, s, chain_start(s, t), indent);
}

/* The SYNC task that t, running, waits for: a plain C call of a coroutine
   made from t's code. */
static const struct yc_task *plain_call_of(const struct yc__sched_full *s,
                                           const struct yc_task *t) {
    struct yc__task_iter it = {0};
    const struct yc_task *u;
    while ((u = yc__task_iter_next(s, &it)) != NULL)
        if ((u->abi.flags & YC__TASK_SYNC) && yc__ext(u)->up.outer == t)
            return u;
    return NULL;
}

/* Writes one task of the dump: its state and its chain. */
static void print_task(struct out *o, const struct yc__sched_full *s,
                       const struct yc_task *t) {
    if (is_blocked(t)) {
        print_wait(o, s, t, "");
        return;
    }
    print_task_head(o, t, "");
    const struct yc_task *sync;
    if (t->abi.flags & YC__TASK_DONE) {
        out_str(o, " has finished and is not yet joined\n");
        return;
    }
    if (&t->abi == s->abi.cur) {
        out_str(o, " is running\n");
    } else if (yc__task_stepping(s, t) &&
               (sync = plain_call_of(s, t)) != NULL) {
        out_str(o, " is running a plain call (task ");
        out_uint(o, sync->abi.id);
        out_str(o, ")\n");
    } else {
        out_str(o, " is ready\n");
    }
    print_chain(o, s, chain_start(s, t), "");
}

/* ------------------------------------------------------------------ */
/* Backtraces and dumps                                                */
/* ------------------------------------------------------------------ */

/* Writes the backtrace of task t whose innermost frame is f. */
static void print_backtrace(struct out *o, const struct yc__sched_full *s,
                            const struct yc_task *t,
                            const struct yc__frame *f) {
    out_str(o, "yieldc: backtrace of ");
    print_task_head(o, t, "");
    out_str(o, ":\n");
    print_chain(o, s, f, "");
    out_flush(o);
}

/* The plain call: from a signal handler, plain C, or a coroutine lowered
   stackfully. errno is kept for the interrupted code. */
static int backtrace_plain(int fd) {
    int saved_errno = errno;
    struct out o = {fd, 0, {0}};
    struct yc__sched_full *s = yc__sched_peek();
    int rc = 0;
    if (s && s->abi.cur) {
        const struct yc_task *t = yc__task_of(s->abi.cur);
        print_backtrace(&o, s, t, chain_start(s, t));
    } else {
        out_str(&o, "yieldc: backtrace: no micro-thread is running\n");
        out_flush(&o);
        rc = YC_EPERM;
    }
    errno = saved_errno;
    return rc;
}

/* The awaited call: its frame's caller is the awaiting coroutine, so the
   whole chain is known, each frame at the line it waits at. */
struct yc__yc_backtrace_res {
    struct yc__frame yc__hdr; /* ABI header */
    int yc__ret;              /* the result */
};
struct backtrace_frame {
    struct yc__yc_backtrace_res res; /* header and result, as the caller
                                        reads them */
    int fd;                          /* the argument */
};

int yc__yc_backtrace_step(struct yc__frame *f, struct yc__sched *s, int fd);
struct yc__frame *yc__yc_backtrace_new(struct yc__sched *s,
                                       struct yc__frame *caller);
struct yc__frame *yc__yc_backtrace_start(struct yc__sched *s,
                                         struct yc__frame *caller, int fd);

static int backtrace_resume(struct yc__frame *f, struct yc__sched *s) {
    struct backtrace_frame *b = (struct backtrace_frame *)(void *)f;
    struct out o = {b->fd, 0, {0}};
    print_backtrace(&o, yc__full(s), yc__task_of(s->cur), yc__frame_caller(f));
    b->res.yc__ret = 0;
    return YC__DONE;
}

int yc__yc_backtrace_step(struct yc__frame *f, struct yc__sched *s, int fd) {
    ((struct backtrace_frame *)(void *)f)->fd = fd;
    backtrace_resume(f, s);
    return 0;
}

struct yc__frame *yc__yc_backtrace_new(struct yc__sched *s,
                                       struct yc__frame *caller) {
    return yc__frame_new(s, sizeof(struct backtrace_frame),
                         _Alignof(struct backtrace_frame), backtrace_resume,
                         caller);
}

struct yc__frame *yc__yc_backtrace_start(struct yc__sched *s,
                                         struct yc__frame *caller, int fd) {
    struct yc__frame *f = yc__yc_backtrace_new(s, caller);
    ((struct backtrace_frame *)(void *)f)->fd = fd;
    return f;
}

int yc_backtrace(int fd) {
    struct yc__sched_full *s = yc__sched_peek();
    /* An await through a pointer to this function (abi.h). */
    if (YC__UNLIKELY(s && s->abi.await_fn == (yc__fn)yc_backtrace)) {
        s->abi.await_fn = 0;
        s->abi.await_frame =
            yc__yc_backtrace_start(&s->abi, s->abi.await_caller, fd);
        return 0;
    }
    return backtrace_plain(fd);
}

/* What the reports below pass to each task they print. */
struct report {
    struct out *o;
    const struct yc__sched_full *s;
    const char *indent;
};

/* Calls fn for every live task of s, oldest first; in memory order if
   there is no memory to sort them. */
static void each_task(const struct yc__sched_full *s,
                      void (*fn)(const struct yc_task *, struct report *),
                      struct report *r) {
    struct yc__task_list l = yc__tasks_by_id(s);
    if (l.t) {
        for (size_t i = 0; i < l.n; i++)
            fn(l.t[i], r);
        yc__tasks_done(&l);
        return;
    }
    struct yc__task_iter it = {0};
    const struct yc_task *t;
    while ((t = yc__task_iter_next(s, &it)) != NULL)
        fn(t, r);
}

/* The number of live tasks of s for which `pick` (or NULL: every one)
   holds. */
static unsigned count_tasks(const struct yc__sched_full *s,
                            int (*pick)(const struct yc_task *)) {
    struct yc__task_iter it = {0};
    const struct yc_task *t;
    unsigned n = 0;
    while ((t = yc__task_iter_next(s, &it)) != NULL)
        n += !pick || pick(t);
    return n;
}

static void dump_task(const struct yc_task *t, struct report *r) {
    print_task(r->o, r->s, t);
}

int yc_sched_dump(int fd) {
    int saved_errno = errno;
    struct out o = {fd, 0, {0}};
    struct yc__sched_full *s = yc__sched_peek();
    unsigned n = s ? count_tasks(s, NULL) : 0;
    out_str(&o, "yieldc: ");
    out_uint(&o, n);
    out_str(&o, n == 1 ? " micro-thread\n" : " micro-threads\n");
    struct report r = {&o, s, ""};
    if (s)
        each_task(s, dump_task, &r);
    out_flush(&o);
    errno = saved_errno;
    return 0;
}

/* ------------------------------------------------------------------ */
/* The deadlock and exit reports                                       */
/* ------------------------------------------------------------------ */

static void report_blocked(const struct yc_task *t, struct report *r) {
    if (is_blocked(t))
        print_wait(r->o, r->s, t, r->indent);
}

void yc__deadlock(struct yc__sched_full *s) {
    unsigned n = count_tasks(s, is_blocked);
    struct out o;
    out_stderr(&o);
    out_str(&o, "yieldc: deadlock: no micro-thread can run and nothing is "
                "pending; ");
    out_uint(&o, n);
    out_str(&o, n == 1 ? " task is blocked:\n" : " tasks are blocked:\n");
    struct report r = {&o, s, "  "};
    each_task(s, report_blocked, &r);
    out_flush(&o);
    deadlocked = 1;
    exit(2);
}

static void report_at_exit(const struct yc_task *t, struct report *r) {
    struct out *o = r->o;
    if (t->abi.flags & YC__TASK_SYNC)
        return;
    if (t->abi.flags & YC__TASK_DONE) {
        out_str(o, "yieldc: at exit: ");
        print_task_head(o, t, "");
        out_str(o, " finished but was never joined\n");
    } else if (is_blocked(t)) {
        out_str(o, "yieldc: at exit: never resumed: ");
        print_wait(o, r->s, t, "");
    } else {
        out_str(o, "yieldc: at exit: ");
        print_task_head(o, t, "");
        out_str(o, " was ready but never resumed\n");
        print_chain(o, r->s, chain_start(r->s, t), "");
    }
}

void yc__exit_report(struct yc__sched_full *s) {
    if (!exit_report_on || deadlocked)
        return;
    struct out o;
    out_stderr(&o);
    struct report r = {&o, s, ""};
    each_task(s, report_at_exit, &r);
    out_flush(&o);
}
