/* fail.c - the runtime's fatal errors (see fail.h). */
#include "fail.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#if YC_COVERAGE
/* A coverage build (YC_COVERAGE): abort() skips the exit handler that
   writes gcov's counts, so the tests of the runtime's fatal errors would
   count for nothing. Dump them first. */
void __gcov_dump(void);
void yc__coverage_dump(void) { __gcov_dump(); }
static void dump_counts(int sig) {
    __gcov_dump();
    signal(sig, SIG_DFL);
    raise(sig);
}
__attribute__((constructor)) static void dump_on_abort(void) {
    signal(SIGABRT, dump_counts);
}
#endif

void yc__assert_fail(const char *expr, const char *file, int line) {
    fprintf(stderr, "yieldc: internal error: %s:%d: assertion '%s' failed\n",
            file, line, expr);
    abort();
}

void yc__oom(const char *what) {
    fprintf(stderr, "yieldc: out of memory %s\n", what);
    abort();
}

void yc__bad_state(const char *coroutine, unsigned state) {
    fprintf(stderr,
            "yieldc: corrupted frame: coroutine '%s' has no resume state "
            "%u\n",
            coroutine, state);
    abort();
}
