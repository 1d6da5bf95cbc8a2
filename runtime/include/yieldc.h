/* yieldc.h - the public interface of yieldc: the coroutine annotations that
   the translator rewrites, and the runtime's API. */
#ifndef YIELDC_H
#define YIELDC_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/uio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The annotations (YC_COROUTINE, YC_AWAIT, YC_YIELD, YC_SPAWN, YC_ASYNC)
   and the yc_task type. */
#include <yieldc/coroutine.h>

/* ---------------------------------------------------------------------
   Errors

   Runtime calls return 0 on success or a negative YC_E* code. The codes
   equal the negated errno values (Linux's numbers; the runtime's build
   checks them against <errno.h>), so that a code can be passed to
   strerror() as well as to yc_strerror(). The I/O calls return any failed
   system call's errno negated (-ECONNRESET = YC_ECONNRESET): every errno
   value has its name here. The first group are the codes the runtime
   itself produces, with descriptions of their meaning in the runtime; the
   others are described as strerror() describes them.
   --------------------------------------------------------------------- */
#define YC_ERRNO_MAP(X)                                                        \
    X(ENOMEM, -12, "out of memory")                                            \
    X(EINVAL, -22, "invalid argument")                                         \
    X(EAGAIN, -11, "resource temporarily unavailable")                         \
    X(ETIMEDOUT, -110, "operation timed out")                                  \
    X(ECANCELED, -125, "operation canceled")                                   \
    X(EDEADLK, -35, "deadlock: the call would wait forever")                   \
    X(EPIPE, -32, "channel or stream closed")                                  \
    X(EPERM, -1, "operation not permitted")                                    \
    X(EBUSY, -16, "resource busy")                                             \
    X(EALREADY, -114, "operation already done")                                \
    X(EBADF, -9, "bad file descriptor, or closed while waiting")               \
    X(EMFILE, -24, "too many open files")                                      \
    X(ECONNRESET, -104, "connection reset by peer")                            \
    X(ECONNREFUSED, -111, "connection refused")                                \
    X(ENOTCONN, -107, "socket not connected")                                  \
    X(EADDRINUSE, -98, "address already in use")                               \
    YC_ERRNO_SYSTEM_MAP(X)

/* The other errno values (without the aliases EWOULDBLOCK, EDEADLOCK and
   ENOTSUP, which equal EAGAIN, EDEADLK and EOPNOTSUPP): X(name, value,
   NULL), described by strerror(). */
/* clang-format off */
#define YC_ERRNO_SYSTEM_MAP(X)                                                 \
    X(ENOENT, -2, NULL) X(ESRCH, -3, NULL) X(EINTR, -4, NULL)                  \
    X(EIO, -5, NULL) X(ENXIO, -6, NULL) X(E2BIG, -7, NULL)                     \
    X(ENOEXEC, -8, NULL) X(ECHILD, -10, NULL) X(EACCES, -13, NULL)             \
    X(EFAULT, -14, NULL) X(ENOTBLK, -15, NULL) X(EEXIST, -17, NULL)            \
    X(EXDEV, -18, NULL) X(ENODEV, -19, NULL) X(ENOTDIR, -20, NULL)             \
    X(EISDIR, -21, NULL) X(ENFILE, -23, NULL) X(ENOTTY, -25, NULL)             \
    X(ETXTBSY, -26, NULL) X(EFBIG, -27, NULL) X(ENOSPC, -28, NULL)             \
    X(ESPIPE, -29, NULL) X(EROFS, -30, NULL) X(EMLINK, -31, NULL)              \
    X(EDOM, -33, NULL) X(ERANGE, -34, NULL) X(ENAMETOOLONG, -36, NULL)         \
    X(ENOLCK, -37, NULL) X(ENOSYS, -38, NULL) X(ENOTEMPTY, -39, NULL)          \
    X(ELOOP, -40, NULL) X(ENOMSG, -42, NULL) X(EIDRM, -43, NULL)               \
    X(ENOSTR, -60, NULL) X(ENODATA, -61, NULL) X(ETIME, -62, NULL)             \
    X(ENOSR, -63, NULL) X(ENOLINK, -67, NULL) X(EPROTO, -71, NULL)             \
    X(EMULTIHOP, -72, NULL) X(EBADMSG, -74, NULL) X(EOVERFLOW, -75, NULL)      \
    X(EILSEQ, -84, NULL) X(EUSERS, -87, NULL) X(ENOTSOCK, -88, NULL)           \
    X(EDESTADDRREQ, -89, NULL) X(EMSGSIZE, -90, NULL)                          \
    X(EPROTOTYPE, -91, NULL) X(ENOPROTOOPT, -92, NULL)                         \
    X(EPROTONOSUPPORT, -93, NULL) X(ESOCKTNOSUPPORT, -94, NULL)                \
    X(EOPNOTSUPP, -95, NULL) X(EPFNOSUPPORT, -96, NULL)                        \
    X(EAFNOSUPPORT, -97, NULL) X(EADDRNOTAVAIL, -99, NULL)                     \
    X(ENETDOWN, -100, NULL) X(ENETUNREACH, -101, NULL)                         \
    X(ENETRESET, -102, NULL) X(ECONNABORTED, -103, NULL)                       \
    X(ENOBUFS, -105, NULL) X(EISCONN, -106, NULL) X(ESHUTDOWN, -108, NULL)     \
    X(ETOOMANYREFS, -109, NULL) X(EHOSTDOWN, -112, NULL)                       \
    X(EHOSTUNREACH, -113, NULL) X(EINPROGRESS, -115, NULL)                     \
    X(ESTALE, -116, NULL) X(EDQUOT, -122, NULL) X(EOWNERDEAD, -130, NULL)      \
    X(ENOTRECOVERABLE, -131, NULL)
/* clang-format on */

enum yc_errno {
#define YC__ERR_ENUM(name, value, text) YC_##name = value,
    /* clang-format off */
    YC_ERRNO_MAP(YC__ERR_ENUM)
#undef YC__ERR_ENUM
    YC_EMAX_PLACEHOLDER = 0 /* keeps the list's trailing comma legal */
    /* clang-format on */
};

/* A description of an error code ("operation timed out"), or of any other
   negated errno value as strerror() gives it; never NULL. */
const char *yc_strerror(int err);
/* The code's name ("YC_ETIMEDOUT", "YC_EPROTO"); for a negated errno
   that has no YC_ name (Linux's own, such as EL2NSYNC) its C name; or
   "YC_E?" for a value that is no negated errno. */
const char *yc_err_name(int err);

/* The runtime's version as "MAJOR.MINOR.PATCH". */
const char *yc_version(void);

/* =====================================================================
   The runtime API

   Every call that may block is a coroutine: a coroutine awaits it with
   YC_AWAIT(yc_sleep_for(...)) and the calling micro-thread suspends until
   it completes. Plain C may call it too; it then runs the scheduler (and
   so the other micro-threads) until the call completes.

   Deadlines are absolute times on the monotonic clock of yc_now(), in
   nanoseconds. Every blocking call takes one: YC_NO_DEADLINE (-1) waits
   as long as it takes, and a deadline that has passed (0, say) makes the
   call a try: it completes if it can without waiting, and fails with
   YC_ETIMEDOUT otherwise.

   Every blocking call of a micro-thread that has been cancelled
   (yc_task_cancel) fails at once with YC_ECANCELED, and a call blocked
   when the cancellation comes fails with it; likewise with YC_ETIMEDOUT
   once a deadline scope (yc_deadline_push) of the micro-thread has
   expired. Calls that never block (the _try forms, unlock, signal, ...)
   are not affected.

   Objects of this API belong to the scheduler of the OS thread that uses
   them and are not thread-safe, except where a call says otherwise
   (futures, yc_sched_post, yc_sched_wake).
   ===================================================================== */

/* ---------------------------------------------------------------------
   Private storage that the public structs below embed. Its fields are
   the runtime's and may change from one version to the next.
   --------------------------------------------------------------------- */
struct yc__sched;
struct yc__frame;
struct yc__wlink;
struct yc__timer;

/* A link in a doubly linked queue: the head of a FIFO of blocked tasks
   (each waits by a link of its own, the same struct). */
#ifndef YC__QNODE_DEFINED
#define YC__QNODE_DEFINED
struct yc__qnode {
    struct yc__qnode *yc__next;
    struct yc__qnode *yc__prev;
};
#endif

/* A FIFO of blocked operations (the runtime's wait queue). */
struct yc__wq {
    struct yc__wlink *yc__head; /* the longest-waiting operation, or NULL */
    struct yc__wlink *yc__tail; /* the most recent, or NULL */
};

/* A pending deadline in the scheduler's timer heap. */
struct yc__timer {
    int64_t yc__deadline; /* when it fires, on the clock of yc_now() */
    unsigned yc__idx;     /* 1 + its position in the heap; 0: not armed */
    void (*yc__fire)(struct yc__sched *s, struct yc__timer *t); /* action */
};

/* ---------------------------------------------------------------------
   Time
   --------------------------------------------------------------------- */
#define YC_NO_DEADLINE ((int64_t)-1) /* a deadline that never comes */
#define YC_USEC ((int64_t)1000)      /* nanoseconds in a microsecond */
#define YC_MSEC ((int64_t)1000000)   /* nanoseconds in a millisecond */
#define YC_SEC ((int64_t)1000000000) /* nanoseconds in a second */

/* The current time in nanoseconds on a monotonic clock. The scheduler
   reads the clock at most once per round (a round runs each ready
   micro-thread once), the first time something in the round needs it,
   so within one round every caller sees the same value: deadlines
   computed as yc_now() + d in one round are equal, and a loop that does
   not suspend sees the clock stand still. Never suspends. */
int64_t yc_now(void);

/* Suspends the calling micro-thread until `deadline` (YC_NO_DEADLINE:
   until it is cancelled). Returns 0 when the deadline is reached (at once
   if it has passed), YC_ECANCELED if the micro-thread is cancelled, or
   YC_ETIMEDOUT if a deadline scope of the caller expires first. */
YC_COROUTINE int yc_sleep_until(int64_t deadline);
/* private: an await of yc_sleep_until in translated code (yieldc/abi.h) */
int yc__yc_sleep_until_in(struct yc__sched *s, struct yc__frame *f,
                          unsigned state, int64_t deadline);

/* yc_sleep_until(yc_now() + ns); ns < 0 sleeps until cancelled. */
YC_COROUTINE int yc_sleep_for(int64_t ns);
/* private: an await of yc_sleep_for in translated code (yieldc/abi.h) */
int yc__yc_sleep_for_in(struct yc__sched *s, struct yc__frame *f,
                        unsigned state, int64_t ns);

/* A one-shot callback timer that runs `cb(timer, arg)` on the scheduler's
   thread, between micro-threads, once its deadline is reached. Its
   storage belongs to the caller and must stay valid while it is armed;
   zero-initialised (or YC_TIMER_INIT) means not armed. */
typedef struct yc_timer yc_timer;
typedef void yc_timer_cb(yc_timer *timer, void *arg);
struct yc_timer {
    struct yc__timer yc__t; /* private: the heap entry */
    yc_timer_cb *yc__cb;    /* private: the callback */
    void *yc__arg;          /* private: its argument */
};
/* clang-format off */
#define YC_TIMER_INIT {{0, 0, 0}, 0, 0}
/* clang-format on */

/* Arms (or re-arms) the timer for `deadline` (at once at the next round
   if it has passed). Returns 0, YC_EINVAL (a negative deadline), or
   YC_ENOMEM (the heap could not grow; the timer is then not armed). A
   pending timer keeps the scheduler from reporting a deadlock. */
int yc_timer_start(yc_timer *timer, int64_t deadline, yc_timer_cb *cb,
                   void *arg);
/* Disarms the timer; the callback will not run. Returns 0 if it was
   armed, YC_EALREADY if it was not (it fired or was never started). */
int yc_timer_stop(yc_timer *timer);

/* ---------------------------------------------------------------------
   Deadline scopes (the seed's with_timeout)

   A scope gives everything the current micro-thread awaits until the
   scope is popped, however deeply nested, a deadline:

       yc_deadline_push(yc_now() + 100 * YC_MSEC);
       int rc = YC_AWAIT(fetch(conn));        // and all that fetch awaits
       if (yc_deadline_pop() == YC_ETIMEDOUT)  // fetch was cut short
           ...

   Scopes nest and the earliest deadline wins. While the scope's deadline
   has passed, every blocking call fails with YC_ETIMEDOUT; a call that
   was already blocked fails with it when the deadline comes.
   --------------------------------------------------------------------- */

/* Opens a deadline scope on the running micro-thread. Returns 0,
   YC_EINVAL outside a micro-thread, or YC_ENOMEM. Never suspends. */
int yc_deadline_push(int64_t deadline);

/* Closes the innermost scope. Returns YC_ETIMEDOUT if a call inside it
   failed with YC_ETIMEDOUT because this scope's deadline was reached (so
   that a timeout can be told from a result, and an outer scope's timeout
   from an inner one's), 0 otherwise, or YC_EINVAL if no scope is open. */
int yc_deadline_pop(void);

/* The deadline that applies to the running micro-thread's blocking calls
   (the earliest of its scopes), or YC_NO_DEADLINE. */
int64_t yc_deadline(void);

/* ---------------------------------------------------------------------
   Tasks

   YC_ASYNC(f(args)) starts a coroutine call as a new micro-thread (a
   task) and returns its handle, a yc_task *. The task first runs when
   the caller next suspends. The handle must end in exactly one of
   yc_task_join (which returns the result and frees the task),
   yc_task_detach or yc_group_add.
   --------------------------------------------------------------------- */

/* Waits until task t has finished, copies its result (size bytes, which
   must be the size of the coroutine's result type) to `result` unless it
   is NULL, and frees the task: t is invalid after a 0 return. Returns 0;
   YC_ETIMEDOUT or YC_ECANCELED if the wait ended first (t is still the
   caller's and keeps running); YC_EINVAL if size is wrong or t is not a
   joinable handle (detached, in a group); YC_EBUSY if another micro-thread
   is already joining t; YC_EDEADLK if t is the caller. */
YC_COROUTINE int yc_task_join(yc_task *t, void *result, size_t size,
                              int64_t deadline);

/* Gives up the handle: the task runs on and is freed when it finishes,
   and its result is dropped. t is invalid afterwards. Never suspends. */
void yc_task_detach(yc_task *t);

/* Cancels task t: from now on every blocking call it makes fails with
   YC_ECANCELED, and the call it is blocked in, if any, fails with it at
   once, so that its own code unwinds and frees what it holds. The tasks
   of every group that t opened are cancelled too. Nothing is torn down:
   t still runs until its coroutine returns, and the handle still has to
   be joined or detached. Cancelling a finished task does nothing. Never
   suspends. */
void yc_task_cancel(yc_task *t);

/* Whether t's coroutine has returned (its join will not block). */
int yc_task_done(const yc_task *t);

/* Whether t has been cancelled. */
int yc_task_cancelled(const yc_task *t);

/* The task's number (1, 2, ... in order of creation), as reports show it. */
unsigned yc_task_id(const yc_task *t);

/* The running micro-thread, or NULL outside any. The result may be
   passed to yc_task_cancel, yc_task_cancelled and yc_task_id, but not
   joined or detached unless it is a handle the caller owns. */
yc_task *yc_task_current(void);

/* ---------------------------------------------------------------------
   Task groups (nurseries)

   A group owns tasks started with YC_ASYNC and added to it; awaiting
   yc_group_wait returns once every one of them has finished, so no task
   outlives the group:

       yc_group g;
       yc_group_init(&g, YC_GROUP_FAIL_FAST);
       for (int i = 0; i < n; i++)
           yc_group_add(&g, YC_ASYNC(fetch(urls[i])));
       int rc = YC_AWAIT(yc_group_wait(&g, yc_now() + 5 * YC_SEC));

   Children return int (0 or a negative YC_E* code; a negative value is a
   failure) or void. Cancelling the task that opened the group cancels the
   children. The group must be waited for before its storage goes away:
   a task whose coroutine returns while a group it opened still has
   children is reported, and the program aborts. A group with no child
   left may be dropped without a wait.
   --------------------------------------------------------------------- */
typedef struct yc_group yc_group;
struct yc_group {
    struct yc_task *yc__owner;     /* private: the task that opened it */
    yc_group *yc__prev, *yc__next; /* private: the owner's open groups */
    struct yc_task *yc__children;  /* private: the live children, oldest
                                      first */
    struct yc_task *yc__last;      /* private: the newest child */
    unsigned yc__count;            /* private: number of live children */
    unsigned yc__flags;            /* private: YC_GROUP_* and state bits */
    int yc__err;                   /* private: the first failure, or 0 */
    struct yc__wq yc__waiters;     /* private: yc_group_wait callers */
};

#define YC_GROUP_FAIL_FAST 1u /* the first failure cancels the others */

/* Opens a group owned by the running micro-thread (or by nobody in plain
   C). flags: 0 or YC_GROUP_FAIL_FAST. Never suspends. */
void yc_group_init(yc_group *g, unsigned flags);

/* Moves task t into the group, which then owns it: the caller must not
   join or detach t. If the group, or the task that opened it, has been
   cancelled, t is cancelled.
   Returns 0, or YC_EINVAL if t is NULL, is not a joinable handle, or its
   coroutine returns neither int nor void; t is then unchanged. */
int yc_group_add(yc_group *g, yc_task *t);

/* Cancels every task of the group, now and added later (until the next
   yc_group_wait returns). Never suspends. */
void yc_group_cancel(yc_group *g);

/* Waits until every task of the group has finished (and been freed).
   Returns 0 if none failed, else the first failure (the first negative
   int a child returned). If the deadline comes or the caller is
   cancelled first, the children are cancelled and still waited for, and
   the call then returns YC_ETIMEDOUT or YC_ECANCELED. On return the group
   is empty and may be reused or dropped. */
YC_COROUTINE int yc_group_wait(yc_group *g, int64_t deadline);

/* The number of unfinished tasks in the group. */
unsigned yc_group_size(const yc_group *g);

/* ---------------------------------------------------------------------
   Mutex, semaphore, event, condition variable

   All four live in storage the caller provides; zero-initialised storage
   (or the *_INIT macro) is ready to use, and none needs destroying.
   Waiters are served in FIFO order: a released mutex or semaphore unit is
   handed to the longest waiter, so no one can barge ahead of it.
   --------------------------------------------------------------------- */
typedef struct yc_mutex {
    void *yc__owner;              /* private: the holder, or NULL */
    struct yc__qnode yc__waiters; /* private: blocked lockers */
    int yc__xs;                   /* private: 0 local; shared: its lock */
} yc_mutex;
/* clang-format off */
#define YC_MUTEX_INIT {0, {0, 0}, 0}
/* clang-format on */

/* Same as zero-initialising. */
void yc_mutex_init(yc_mutex *m);
/* Initialises m for micro-threads on different threads (see "Every
   core"); the *_init_shared calls below do the same for the others. */
void yc_mutex_init_shared(yc_mutex *m);
/* Locks m, waiting until it is free. The holder is the calling
   micro-thread (plain C outside any counts as one holder). Returns 0,
   YC_ETIMEDOUT, YC_ECANCELED, or YC_EDEADLK if the caller holds m. */
YC_COROUTINE int yc_mutex_lock(yc_mutex *m, int64_t deadline);
/* private: an await of yc_mutex_lock in translated code (yieldc/abi.h) */
int yc__yc_mutex_lock_in(struct yc__sched *s, struct yc__frame *f,
                         unsigned state, yc_mutex *m, int64_t deadline);
/* Locks m if it is free. Returns 0 or YC_EBUSY. Never suspends. */
int yc_mutex_trylock(yc_mutex *m);
/* Unlocks m, handing it to the first waiter. Returns 0, or YC_EPERM if
   the caller does not hold m. Never suspends. */
int yc_mutex_unlock(yc_mutex *m);

typedef struct yc_sem {
    unsigned yc__value;           /* private: available units */
    int yc__xs;                   /* private: 0 local; shared: its lock */
    struct yc__qnode yc__waiters; /* private: blocked acquirers */
} yc_sem;
/* clang-format off */
#define YC_SEM_INIT(value) {(value), 0, {0, 0}}
/* clang-format on */

/* Sets the semaphore's count to `value`. */
void yc_sem_init(yc_sem *sem, unsigned value);
void yc_sem_init_shared(yc_sem *sem, unsigned value);
/* Takes one unit, waiting until one is available. Returns 0,
   YC_ETIMEDOUT or YC_ECANCELED. */
YC_COROUTINE int yc_sem_acquire(yc_sem *sem, int64_t deadline);
/* private: an await of yc_sem_acquire in translated code (yieldc/abi.h) */
int yc__yc_sem_acquire_in(struct yc__sched *s, struct yc__frame *f,
                          unsigned state, yc_sem *sem, int64_t deadline);
/* Takes one unit if one is available. Returns 0 or YC_EAGAIN. */
int yc_sem_tryacquire(yc_sem *sem);
/* Returns one unit, handing it to the first waiter if there is one.
   Returns 0, or YC_EINVAL if the count would overflow. Never suspends. */
int yc_sem_release(yc_sem *sem);
/* The number of available units. */
unsigned yc_sem_value(const yc_sem *sem);

typedef struct yc_event {
    int yc__set;                  /* private: 1 while set */
    int yc__xs;                   /* private: 0 local; shared: its lock */
    struct yc__qnode yc__waiters; /* private: blocked waiters */
    struct yc__wq yc__selects;    /* private: yc_select calls waiting */
} yc_event;
/* clang-format off */
#define YC_EVENT_INIT {0, 0, {0, 0}, {0, 0}}
/* clang-format on */

/* Initialises the event as set (set != 0) or clear. */
void yc_event_init(yc_event *e, int set);
/* The same, shared (yc_select does not take a shared event). */
void yc_event_init_shared(yc_event *e, int set);
/* Sets the event and wakes every waiter; it stays set until cleared. */
void yc_event_set(yc_event *e);
/* Clears the event. */
void yc_event_clear(yc_event *e);
/* Whether the event is set. */
int yc_event_is_set(const yc_event *e);
/* Waits until the event is set (returns at once if it is). Returns 0,
   YC_ETIMEDOUT or YC_ECANCELED. */
YC_COROUTINE int yc_event_wait(yc_event *e, int64_t deadline);
/* private: an await of yc_event_wait in translated code (yieldc/abi.h) */
int yc__yc_event_wait_in(struct yc__sched *s, struct yc__frame *f,
                         unsigned state, yc_event *e, int64_t deadline);

typedef struct yc_cond {
    struct yc__qnode yc__waiters; /* private: blocked waiters */
    int yc__xs;                   /* private: 0 local; shared: its lock */
} yc_cond;
/* clang-format off */
#define YC_COND_INIT {{0, 0}, 0}
/* clang-format on */

/* Same as zero-initialising. */
void yc_cond_init(yc_cond *c);
/* The same, shared: it must be waited on with a shared mutex. */
void yc_cond_init_shared(yc_cond *c);
/* Unlocks m, which the caller must hold, waits for a signal, and locks m
   again before returning, whatever the outcome (the relock ignores
   cancellation and deadlines, as pthread_cond_wait does). Returns 0,
   YC_ETIMEDOUT, YC_ECANCELED, or YC_EPERM if the caller does not hold m.
   A wake-up means "check your condition", as with pthreads. */
YC_COROUTINE int yc_cond_wait(yc_cond *c, yc_mutex *m, int64_t deadline);
/* Wakes the longest waiter, if any. */
void yc_cond_signal(yc_cond *c);
/* Wakes every waiter. */
void yc_cond_broadcast(yc_cond *c);

/* ---------------------------------------------------------------------
   Channels

   A channel carries messages of a fixed size (given at creation) in FIFO
   order. Its capacity says how many it buffers: 0 is a rendezvous (a send
   completes when a receiver takes the message), N blocks senders while N
   are buffered (backpressure), YC_CHAN_UNBOUNDED never blocks senders.
   After yc_chan_close, sends fail with YC_EPIPE, and receives return the
   buffered messages, then YC_EPIPE.
   --------------------------------------------------------------------- */
typedef struct yc_chan yc_chan;
#define YC_CHAN_UNBOUNDED ((size_t)-1) /* a capacity: no limit */

/* Creates a channel of messages of elem_size bytes (0: messages that
   carry only their count) holding up to `capacity` of them. The buffer
   grows as messages pile up, so a large capacity costs nothing until it
   is used. Returns 0 and sets *ch, or YC_ENOMEM. */
int yc_chan_create(yc_chan **ch, size_t elem_size, size_t capacity);
/* The same, for micro-threads on different threads (see "Every core");
   yc_select does not take a shared channel. */
int yc_chan_create_shared(yc_chan **ch, size_t elem_size, size_t capacity);
/* Frees the channel and the messages still buffered. Returns 0, or
   YC_EBUSY (and frees nothing) while a micro-thread is blocked on it. */
int yc_chan_free(yc_chan *ch);
/* Sends a copy of the elem_size bytes at elem, waiting for room (or, for
   a rendezvous, for a receiver). elem must stay valid while the call is
   blocked. Returns 0; YC_EPIPE if the channel is or gets closed (the
   message is not sent); YC_ETIMEDOUT, YC_ECANCELED (not sent either); or
   YC_ENOMEM (an unbounded channel could not grow). */
YC_COROUTINE int yc_chan_send(yc_chan *ch, const void *elem, int64_t deadline);
/* private: an await of yc_chan_send in translated code (yieldc/abi.h) */
int yc__yc_chan_send_in(struct yc__sched *s, struct yc__frame *f,
                        unsigned state, yc_chan *ch, const void *elem,
                        int64_t deadline);
/* Receives the oldest message into elem, waiting for one. Returns 0;
   YC_EPIPE once the channel is closed and drained; YC_ETIMEDOUT or
   YC_ECANCELED. */
YC_COROUTINE int yc_chan_recv(yc_chan *ch, void *elem, int64_t deadline);
/* private: an await of yc_chan_recv in translated code (yieldc/abi.h) */
int yc__yc_chan_recv_in(struct yc__sched *s, struct yc__frame *f,
                        unsigned state, yc_chan *ch, void *elem,
                        int64_t deadline);
/* Sends if that needs no waiting. Returns 0, YC_EAGAIN, YC_EPIPE or
   YC_ENOMEM. Never suspends: usable from callbacks. */
int yc_chan_try_send(yc_chan *ch, const void *elem);
/* Receives if a message is ready. Returns 0, YC_EAGAIN or YC_EPIPE. Never
   suspends. */
int yc_chan_try_recv(yc_chan *ch, void *elem);
/* Closes the channel: blocked senders fail with YC_EPIPE, blocked
   receivers too (there is nothing buffered for them). Returns 0, or
   YC_EPIPE if it was closed already. */
int yc_chan_close(yc_chan *ch);
/* The number of buffered messages. */
size_t yc_chan_len(const yc_chan *ch);

/* ---------------------------------------------------------------------
   Select: waiting for the first of several operations
   --------------------------------------------------------------------- */
enum yc_select_kind {
    YC_SELECT_SEND = 1,   /* yc_chan_send(chan, elem) */
    YC_SELECT_RECV = 2,   /* yc_chan_recv(chan, elem) */
    YC_SELECT_EVENT = 3,  /* the event is set */
    YC_SELECT_FUTURE = 4, /* the future is resolved; its value to *elem */
    YC_SELECT_TASK = 5,   /* the task has finished (it is not joined) */
    YC_SELECT_OFF = 6     /* never completes: a case switched off */
};

struct yc_future;

/* One operation of a yc_select. An operation of kind YC_SELECT_OFF, or
   whose object is NULL (Go's nil channel), never completes: a loop turns
   a case off that way, say once its channel is closed. */
struct yc_select_op {
    enum yc_select_kind kind; /* what to do or wait for */
    union {
        yc_chan *chan;            /* SEND, RECV */
        yc_event *event;          /* EVENT */
        struct yc_future *future; /* FUTURE */
        yc_task *task;            /* TASK */
    } on;                         /* the object, or NULL: never */
    void *elem; /* SEND: the message; RECV: where it goes; FUTURE: a
                   void ** for the value, or NULL */
    int result; /* out, for the operation that completed: 0, YC_EPIPE
                   (a closed channel), or the future's result */
};

/* Performs the first of the n operations that can complete, waiting
   until one can; only that one takes effect. When several can complete
   at once, the first in array order wins. Returns its index (>= 0) with
   its outcome in ops[index].result, or YC_ETIMEDOUT, YC_ECANCELED, or
   YC_EINVAL (an unknown kind, a future of another thread). With every
   operation off, it waits for the deadline (or the deadlock report). */
YC_COROUTINE int yc_select(struct yc_select_op *ops, unsigned n,
                           int64_t deadline);

/* ---------------------------------------------------------------------
   Futures: the callback-based core

   A future is a result that some other party supplies later: a C
   callback, a foreign event loop, or another OS thread. Coroutines await
   it; plain C can attach a completion callback. It belongs to the
   scheduler of the thread that created it, where waiters and callbacks
   run. It is reference-counted, and yc_future_resolve, yc_future_ref and
   yc_future_unref are safe from any thread: a resolve from another thread
   wakes the owner's scheduler through its wake-up fd.
   --------------------------------------------------------------------- */
typedef struct yc_future yc_future;
typedef void yc_future_cb(yc_future *f, void *arg);

/* Creates a pending future owned by this thread's scheduler, holding one
   reference for the caller. Returns 0 and sets *f, or YC_ENOMEM. */
int yc_future_create(yc_future **f);
/* Adds a reference (for another thread that will resolve it, say). */
void yc_future_ref(yc_future *f);
/* Drops a reference; the last one frees the future. */
void yc_future_unref(yc_future *f);
/* Resolves the future with `result` (0 or a negative code, by
   convention) and `value`. The first resolve wins; later ones return
   YC_EALREADY. Safe from any thread and from callbacks; never blocks. */
int yc_future_resolve(yc_future *f, int result, void *value);
/* Waits until the future is resolved and returns its result, storing its
   value in *value unless value is NULL; returns YC_ETIMEDOUT or
   YC_ECANCELED (the future stays pending) if the wait ends first. Any
   number of micro-threads may wait for the same future. */
YC_COROUTINE int yc_future_await(yc_future *f, void **value, int64_t deadline);
/* Whether the future has been resolved. */
int yc_future_is_resolved(const yc_future *f);
/* Calls cb(f, arg) once the future is resolved, on the owner's thread:
   at once if it already is. One callback per future. Returns 0, YC_EBUSY
   if a callback is set, or YC_EINVAL from another thread. */
int yc_future_on_done(yc_future *f, yc_future_cb *cb, void *arg);

/* ---------------------------------------------------------------------
   The scheduler and foreign event loops

   Each OS thread has its own scheduler, created on first use. A program
   whose main loop is someone else's (libuv, libev, a GUI) drives it with
   two calls: watch yc_sched_fd() for readability and, whenever it is
   readable or the returned time has passed, call yc_sched_run_ready().
   --------------------------------------------------------------------- */
typedef struct yc__sched yc_sched;

/* This thread's scheduler. */
yc_sched *yc_sched_current(void);

/* A file descriptor that becomes readable when this thread's scheduler
   has work that arrived from outside (another thread's resolve or post,
   an fd that an I/O call waits on). Owned by the runtime: do not close
   or read it. (With the poll backend, YC_POLLER=poll, it reports only
   posts and resolves.) */
int yc_sched_fd(void);

/* Runs one round of this thread's scheduler without blocking: fires the
   timers that are due, takes in work from other threads, and runs every
   micro-thread that is ready. Returns 0 if micro-threads are ready again
   (call again soon), the nanoseconds until the next timer, or -1 if no
   timer is pending (wait for yc_sched_fd). YC_EINVAL if called from a
   micro-thread. */
int64_t yc_sched_run_ready(void);

/* Runs fn(arg) on scheduler s's thread, between micro-threads, at its
   next round (a way to hand work, or a spawn, to another thread). Safe
   from any thread. Returns 0 or YC_ENOMEM (fn will not run). */
int yc_sched_post(yc_sched *s, void (*fn)(void *arg), void *arg);

/* What this thread's scheduler holds now: for a server's health report,
   or a test that nothing leaked. */
struct yc_sched_stats {
    unsigned tasks;    /* micro-threads started and not yet finished */
    unsigned io_waits; /* I/O calls waiting for an fd */
    unsigned timers;   /* pending deadlines and timers */
    unsigned fds;      /* fds the scheduler keeps state for (used with the
                          I/O calls and not yet closed with yc_close) */
};
void yc_sched_stats(struct yc_sched_stats *st);

/* Wakes scheduler s if it is waiting, so that it runs a round. Safe from
   any thread. */
void yc_sched_wake(yc_sched *s);

/* While s holds a reference taken with yc_sched_ref, it expects work from
   outside (a yc_sched_post from a thread it does not know about, say), so
   when nothing else can happen it waits for its wake-up fd instead of
   reporting a deadlock. yc_sched_unref drops the reference and wakes s.
   Both are safe from any thread. (A task awaiting a future needs no
   reference: the future counts.) */
void yc_sched_ref(yc_sched *s);
void yc_sched_unref(yc_sched *s);

/* ---------------------------------------------------------------------
   Every core

   yc_threads_start(n) runs micro-threads on n OS threads: the calling
   thread (thread 0) and n - 1 new ones, each with a scheduler of its own.
   A micro-thread runs on the thread where it starts and stays there;
   YC_SPAWN and YC_ASYNC start it on the current thread, as always, and

       YC_SPAWN_ANY(e), YC_ASYNC_ANY(e)      on whichever thread is free
                                             first (the others steal it)
       YC_SPAWN_ON(k, e), YC_ASYNC_ON(k, e)  on thread k

   start it elsewhere. Its handle, its group and its result stay with the
   thread that started it: join, cancel, detach and yc_group_add work
   there as for any task. The first YC_SPAWN_ANY or _ON starts the threads
   if nothing has (n from YC_THREADS, else the CPUs the process may use).
   What micro-threads on different threads share must be safe between OS
   threads (futures, yc_sched_post, the program's own locks): the other
   objects belong to one thread (docs/threads.md).
   --------------------------------------------------------------------- */

/* Starts the scheduler threads; n = 0 means YC_THREADS, else the number
   of CPUs. Returns 0 (also if they run already with n threads), YC_EBUSY
   if they run with another count, YC_EINVAL if n is above 256. The
   threads stop when thread 0's scheduler ends (at exit). */
int yc_threads_start(unsigned n);
/* How many scheduler threads run: 1 before yc_threads_start. */
unsigned yc_threads_count(void);
/* This thread's number among them (0 before yc_threads_start), or -1 for
   a thread that is not one of them. */
int yc_thread_index(void);

/* ---------------------------------------------------------------------
   Green I/O

   Each call tries its system call first and waits only when it would
   block (EAGAIN), while the other micro-threads run; it takes a deadline
   and fails with YC_ECANCELED when its micro-thread is cancelled. EINTR
   is retried. Failures come back as negative codes (-errno: YC_EPIPE,
   YC_ECONNRESET, YC_EMFILE, ...); no call raises SIGPIPE.

   An fd used with these calls is put in non-blocking mode; if the runtime
   changed the mode, yc_fd_forget and the end of the thread's scheduler
   change it back, since it is shared by every process holding the file
   (a terminal, say). Close it with yc_close, which also ends the calls
   still waiting on it with YC_EBADF; an fd closed some other way must be
   announced with yc_fd_forget before its number is reused. An fd belongs
   to the scheduler of the thread that uses it.
   --------------------------------------------------------------------- */

/* A socket that is non-blocking and close-on-exec, as socket(2) takes
   them. Returns the fd or a negative code. Never suspends. */
int yc_socket(int domain, int type, int protocol);

/* A TCP socket listening on the numeric address ip ("127.0.0.1", "::",
   NULL for any IPv4 address) and port (0: any free port; read it back
   with getsockname), with SO_REUSEADDR. Returns the fd or a negative
   code. Never suspends. */
int yc_tcp_listen(const char *ip, int port, int backlog);

/* Connects a new TCP socket to the numeric address ip and port. Returns
   its fd, or YC_ECONNREFUSED, YC_ETIMEDOUT, YC_EINVAL (not a numeric
   address; resolve names with getaddrinfo through yc_offload), ... */
YC_COROUTINE int yc_tcp_connect(const char *ip, int port, int64_t deadline);

/* Accepts a connection: returns its fd (non-blocking, close-on-exec) or
   a negative code; with YC_EMFILE the connection stays queued. */
YC_COROUTINE int yc_accept(int fd, struct sockaddr *addr, socklen_t *addrlen,
                           int64_t deadline);

/* Connects socket fd, waiting for the handshake. Returns 0 or a negative
   code (YC_ECONNREFUSED, YC_ETIMEDOUT, ...). */
YC_COROUTINE int yc_connect(int fd, const struct sockaddr *addr,
                            socklen_t addrlen, int64_t deadline);

/* Reads up to n bytes, waiting until at least one is available. Returns
   the count (0 at end of file), or a negative code. */
YC_COROUTINE ssize_t yc_read(int fd, void *buf, size_t n, int64_t deadline);
/* recv(2) with flags, waiting like yc_read. */
YC_COROUTINE ssize_t yc_recv(int fd, void *buf, size_t n, int flags,
                             int64_t deadline);
/* readv(2), waiting like yc_read. */
YC_COROUTINE ssize_t yc_readv(int fd, const struct iovec *iov, int iovcnt,
                              int64_t deadline);

/* Writes all n bytes, waiting for room as often as needed. Returns n; a
   negative code if nothing was written; or, when a failure or the
   deadline cuts it short after some bytes went out, their count (the
   next call reports the failure). */
YC_COROUTINE ssize_t yc_write(int fd, const void *buf, size_t n,
                              int64_t deadline);
/* send(2) with flags, writing all n bytes like yc_write. */
YC_COROUTINE ssize_t yc_send(int fd, const void *buf, size_t n, int flags,
                             int64_t deadline);
/* writev(2), writing every byte of the iovcnt buffers (at most IOV_MAX)
   like yc_write; iov itself is not modified. */
YC_COROUTINE ssize_t yc_writev(int fd, const struct iovec *iov, int iovcnt,
                               int64_t deadline);

#define YC_READABLE 1 /* yc_wait_fd: wait until fd can be read */
#define YC_WRITABLE 2 /* yc_wait_fd: wait until fd can be written */

/* Waits until fd is readable or writable, as events asks (YC_READABLE,
   YC_WRITABLE or both; an error or hang-up counts as both). Returns the
   ready subset of events, or a negative code. As with poll, readiness is
   a hint: the next call may still find nothing to do. */
YC_COROUTINE int yc_wait_fd(int fd, int events, int64_t deadline);

/* Closes fd: calls waiting on it end with YC_EBADF. Returns 0 or a
   negative code. Never suspends. */
int yc_close(int fd);
/* Forgets what the scheduler knows of fd (to be closed or handed over by
   other code), ending the calls waiting on it with YC_EBADF; an fd that
   the runtime made non-blocking is made blocking again. */
void yc_fd_forget(int fd);

/* ---------------------------------------------------------------------
   Offloading blocking work

   A call that blocks its OS thread (getaddrinfo, a file read, a long
   computation) runs on a small pool of worker threads shared by the
   process, while the scheduler goes on.
   --------------------------------------------------------------------- */

/* Runs fn(arg) on a worker thread and waits until it has returned.
   Returns 0; YC_ETIMEDOUT or YC_ECANCELED if the deadline or a
   cancellation came before a worker took it (fn then never runs: once it
   runs, the call waits for it whatever happens, since arg must outlive
   it); or YC_ENOMEM / YC_EAGAIN (no worker could be started, or the
   process is exiting). */
YC_COROUTINE int yc_offload(void (*fn)(void *arg), void *arg, int64_t deadline);

/* Sets the most worker threads the pool starts (initially 4; workers
   start as needed and stay until exit). Returns 0 or YC_EINVAL (n < 1
   or n > 256). */
int yc_offload_threads(unsigned n);

/* ---------------------------------------------------------------------
   Streams

   A byte stream with read, write and close: over a socket or another fd,
   or an in-memory pipe between micro-threads of one scheduler. Code that
   takes I/O callbacks (a TLS library's BIO, fopencookie, a parser) can be
   handed a stream through yc_stream_read_cb / yc_stream_write_cb, which
   use the stream's timeout; on a stackful micro-thread they suspend it.
   --------------------------------------------------------------------- */
typedef struct yc_stream yc_stream;

/* A stream over fd, which it takes over (closed by yc_stream_close).
   Returns 0 and sets *s, or YC_ENOMEM. */
int yc_stream_fd(yc_stream **s, int fd);
/* Two connected in-memory streams: what is written to one is read from
   the other, through a buffer of `capacity` bytes each way (0: 64 KiB).
   Returns 0 or YC_ENOMEM. */
int yc_stream_pipe(yc_stream *ends[2], size_t capacity);
/* Reads up to n bytes, waiting for at least one. Returns the count, 0 at
   end of stream (the peer closed), or a negative code. */
YC_COROUTINE ssize_t yc_stream_read(yc_stream *s, void *buf, size_t n,
                                    int64_t deadline);
/* Writes all n bytes, like yc_write: YC_EPIPE once the peer closed. */
YC_COROUTINE ssize_t yc_stream_write(yc_stream *s, const void *buf, size_t n,
                                     int64_t deadline);
/* Closes the stream and frees it: its waiting calls end with YC_EBADF,
   the peer of a pipe reads end of stream and fails to write with
   YC_EPIPE. Returns 0 or a negative code. Never suspends. */
int yc_stream_close(yc_stream *s);
/* The fd under a stream, or -1 for a pipe. */
int yc_stream_fileno(const yc_stream *s);
/* Sets the time each callback read or write may take (-1: no limit, the
   initial value). */
void yc_stream_set_timeout(yc_stream *s, int64_t ns);
/* Callback forms, POSIX style: the count, or -1 with errno set (ETIMEDOUT
   when the stream's timeout passed). stream is a yc_stream *. */
ssize_t yc_stream_read_cb(void *stream, char *buf, size_t n);
ssize_t yc_stream_write_cb(void *stream, const char *buf, size_t n);
/* A stdio FILE over the stream (fopencookie): fclose closes the stream
   too. Returns NULL with errno set on failure. */
FILE *yc_stream_fopen(yc_stream *s, const char *mode);

/* ---------------------------------------------------------------------
   Diagnostics

   When no micro-thread can run, no timer is pending, nothing can arrive
   from outside and micro-threads are still blocked, the program ends
   with status 2 after listing each blocked micro-thread, what it waits
   in and the file:line of each coroutine up its chain.
   --------------------------------------------------------------------- */

/* Turns the exit report on or off: at exit, list the tasks that finished
   but were never joined, and those still blocked (never resumed). On by
   default in a runtime built with YC_DEBUG (CMake build type Debug). */
void yc_debug_report(int enable);

/* Writes the backtrace of the running micro-thread to fd: its id, the
   coroutine it was started with, and the chain of coroutines awaiting
   each other, innermost first, one "  at NAME (FILE:LINE)" line each.
   LINE is where the coroutine waits (the await or yield it is suspended
   in); for the innermost one, where it was called from. Coroutines of
   files the translator did not see print as "at ?"; a coroutine lowered
   stackfully shows the line of its definition.

   Awaited from a coroutine, YC_AWAIT(yc_backtrace(fd)), it sees the whole
   chain. Called as a plain function (from plain C, or from a signal
   handler) it sees the chain from the innermost frame the scheduler
   knows: coroutines entered by awaits that have not suspended since the
   micro-thread last resumed are missing, and the innermost line shown is
   where that frame last resumed.

   Async-signal-safe: it writes with write(2) through a buffer on the
   stack, and takes no lock and no memory; errno is kept. A signal that
   interrupts the scheduler while it changes a task (a wake-up, a task
   finishing) may get a stale or mixed picture of that task.
   Returns 0, or YC_EPERM (after writing a line saying so) when no
   micro-thread is running on this thread. Write errors are ignored.
   Never suspends. */
YC_COROUTINE int yc_backtrace(int fd);

/* Writes every live micro-thread of this thread's scheduler to fd, oldest
   first: its id, the coroutine it was started with, its state (running,
   ready, waiting in a blocking call - on what, and how long is left of
   its deadline - or finished and not yet joined) and its chain of
   coroutines, as yc_backtrace writes it. Async-signal-safe, like the
   plain yc_backtrace; the running micro-thread's chain is the one a plain
   yc_backtrace sees. Returns 0. */
int yc_sched_dump(int fd);

/* ---------------------------------------------------------------------
   Cleanup on every way out of a scope

   YC_CLEANUP(fn) before a local's declaration is GCC's and Clang's
   __attribute__((cleanup(fn))): fn(&local) runs when the local's scope
   ends, by its closing brace, return, break, continue or goto, in
   coroutines as in plain C and across suspensions. A cancelled call
   returns YC_ECANCELED, and the return that passes it on cleans up:

       YC_CLEANUP(yc_cleanup_free) char *buf = malloc(4096);
       YC_CLEANUP(yc_cleanup_close) int fd = open(path, O_RDONLY);
       ssize_t n = YC_AWAIT(yc_read(fd, buf, 4096, deadline));
       if (n < 0)
           return (int)n;          (fd closed, then buf freed)

   The functions below are ready-made cleanups. Never suspend.
   --------------------------------------------------------------------- */

#define YC_CLEANUP(fn) __attribute__((cleanup(fn)))
/* free(*p), for a local of any pointer type. */
void yc_cleanup_free(void *p);
/* yc_close(*fd) if *fd >= 0 (-1: nothing to close). */
void yc_cleanup_close(int *fd);
/* yc_mutex_unlock(*m) if *m is not NULL: declare the local once the lock
   is held, `YC_CLEANUP(yc_cleanup_unlock) yc_mutex *held = &m;`. */
void yc_cleanup_unlock(yc_mutex **m);

/* ---------------------------------------------------------------------
   Stackful micro-threads

   Code that was not written for coroutines (a library's callback, a
   blocking-style function) can suspend when it runs on a stackful
   micro-thread: a micro-thread with a stack of its own. There, every
   coroutine called through its plain prototype, every blocking yc_* call
   and yc_yield() suspends the micro-thread instead of blocking the
   scheduler. Coroutines lowered stackfully (yieldc --stackful, or a
   coroutine a state machine cannot express) run this way too.
   --------------------------------------------------------------------- */

/* Starts fn(arg) on a new stackful micro-thread whose stack has stack_size
   usable bytes (0: the default, see yc_stack_default), and returns its
   handle: join it with yc_task_join(t, &ret, sizeof ret, deadline) to get
   fn's result (a void *), or detach it. The stack has a 1 MiB guard: an
   overflow ends the program with a message naming the micro-thread and
   its stack size. Never suspends; it runs when the caller next does. */
yc_task *yc_go(void *(*fn)(void *arg), void *arg, size_t stack_size);

/* Puts the running stackful micro-thread at the back of the run queue and
   lets the others run. Returns 0, or YC_EPERM when the caller is not on a
   stackful micro-thread (a coroutine uses YC_YIELD() instead). */
int yc_yield(void);

/* Whether the caller runs on a stackful micro-thread. */
int yc_on_stack(void);

/* Sets the default size of new stacks in bytes, rounded up to pages
   (initially the main thread's: RLIMIT_STACK, 8 MiB when unlimited, so
   that code runs as deep as it would in plain C; pages are reserved and
   committed only when touched). 0 restores that default. Call it before
   starting stackful micro-threads. */
void yc_stack_default(size_t bytes);

#ifdef __cplusplus
}
#endif

#endif
