/* yieldc.h - the public interface of yieldc: the coroutine annotations that
   the translator rewrites, and the runtime's API. */
#ifndef YIELDC_H
#define YIELDC_H

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------
   Annotations

   YC_COROUTINE   stands at the very start of a coroutine's declarations and
                  its definition.
   YC_AWAIT(e)    calls coroutine e and suspends the caller until e's result
                  is ready; the value of the expression is e's result.
   YC_YIELD()     puts the running micro-thread at the back of the run queue
                  and lets the others run.
   YC_SPAWN(e)    starts the coroutine call e as a new micro-thread and goes
                  on at once; the new micro-thread runs when the caller
                  next suspends, and its result is discarded.
   YC_ASYNC(e)    the same, but returns a yc_task * handle through which
                  the result can be awaited later (the seed's .async()).

   The yieldc translator defines YC__TRANSLATING while it parses a file, so
   that these expand to markers it can find. In a file compiled without
   translation they expand to an undeclared identifier that names the
   problem, since a coroutine cannot run untranslated.
   --------------------------------------------------------------------- */
#ifdef YC__TRANSLATING
#define YC_COROUTINE __attribute__((annotate("yc_coroutine")))
void yc__await_mark(void);
void yc__yield_mark(void);
void yc__spawn_mark(void);
void yc__async_mark(void);
#define YC_AWAIT(e) (yc__await_mark(), (e))
#define YC_YIELD() yc__yield_mark()
#define YC_SPAWN(e) (yc__spawn_mark(), (void)(e))
#define YC_ASYNC(e) (yc__async_mark(), (void)(e), (struct yc_task *)0)
#else
#define YC_COROUTINE
#define YC_AWAIT(e) YC_AWAIT_needs_the_yieldc_translator
#define YC_YIELD() YC_YIELD_needs_the_yieldc_translator
#define YC_SPAWN(e) YC_SPAWN_needs_the_yieldc_translator
#define YC_ASYNC(e) YC_ASYNC_needs_the_yieldc_translator
#endif

/* A micro-thread started with YC_ASYNC: a promise of its result. It must
   be joined (which frees it) or detached. */
typedef struct yc_task yc_task;

/* ---------------------------------------------------------------------
   Errors

   Runtime calls return 0 on success or a negative YC_E* code. The codes
   equal the negated errno values where one exists, so that a code can be
   passed to strerror() as well as to yc_strerror().
   --------------------------------------------------------------------- */
#define YC_ERRNO_MAP(X)                                                        \
    X(ENOMEM, -12, "out of memory")                                           \
    X(EINVAL, -22, "invalid argument")                                        \
    X(EAGAIN, -11, "resource temporarily unavailable")                        \
    X(ETIMEDOUT, -110, "operation timed out")                                 \
    X(ECANCELED, -125, "operation canceled")                                  \
    X(EDEADLK, -35, "deadlock: no micro-thread can run")                      \
    X(EPIPE, -32, "channel or stream closed")

enum yc_errno {
#define YC__ERR_ENUM(name, value, text) YC_##name = value,
    YC_ERRNO_MAP(YC__ERR_ENUM)
#undef YC__ERR_ENUM
    YC_EMAX_PLACEHOLDER = 0 /* keeps the list's trailing comma legal */
};

/* A description of an error code ("operation timed out"); never NULL. */
const char *yc_strerror(int err);
/* The code's name ("YC_ETIMEDOUT"), or "YC_E?" for an unknown code. */
const char *yc_err_name(int err);

/* The runtime's version as "MAJOR.MINOR.PATCH". */
const char *yc_version(void);

#ifdef __cplusplus
}
#endif

#endif
