/* yieldc/coroutine.h - the coroutine annotations alone, without the
   runtime's API: for code that marks and awaits coroutines but calls no
   runtime function, such as a program made into coroutines wholesale. It
   includes no system header, so it changes nothing else a file sees.
   yieldc.h includes it. */
#ifndef YIELDC_COROUTINE_H
#define YIELDC_COROUTINE_H

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
   YC_SPAWN_ANY(e), YC_ASYNC_ANY(e), YC_SPAWN_ON(k, e), YC_ASYNC_ON(k, e)
                  the same, started on another OS thread (yieldc.h).

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

/* The same, started on another thread (yieldc.h, "Every core"): any
   thread, or thread k. */
void yc__place(int where);
#define YC_SPAWN_ANY(e) (yc__place(-1), YC_SPAWN(e))
#define YC_ASYNC_ANY(e) (yc__place(-1), YC_ASYNC(e))
#define YC_SPAWN_ON(k, e) (yc__place(k), YC_SPAWN(e))
#define YC_ASYNC_ON(k, e) (yc__place(k), YC_ASYNC(e))

/* A micro-thread started with YC_ASYNC: a promise of its result. It must
   be joined (which frees it) or detached. */
typedef struct yc_task yc_task;

#ifdef __cplusplus
}
#endif

#endif
