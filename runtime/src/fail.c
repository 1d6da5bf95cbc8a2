/* fail.c - the runtime's fatal errors (see fail.h). */
#include "fail.h"

#include <stdio.h>
#include <stdlib.h>

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
