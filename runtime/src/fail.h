/* fail.h - how the runtime stops on what it cannot go on from: a broken
   internal invariant, memory it cannot get with no caller to tell, a frame
   whose state is corrupted. Each prints one line to stderr and aborts. */
#ifndef YC_FAIL_H
#define YC_FAIL_H

#include "yieldc/abi.h"

/* Internal invariants stay checked in release builds. */
#define yc_assert(x)                                                           \
    ((void)(YC__LIKELY(x) ? 0 : (yc__assert_fail(#x, __FILE__, __LINE__), 0)))
void yc__assert_fail(const char *expr, const char *file, int line);

/* Ends the program with "yieldc: out of memory <what>": for allocations
   that have no caller to report to (a frame, a task). */
void yc__oom(const char *what);

/* A coverage build (YC_COVERAGE) writes gcov's counts now, for a process
   about to die by a signal or to leave through a handler's _exit (both
   skip the exit handler that writes them); other builds do nothing. */
#if YC_COVERAGE
void yc__coverage_dump(void);
#else
#define yc__coverage_dump() ((void)0)
#endif

#endif
