/* fail_alloc.c - makes one allocation fail, for the out-of-memory sweeps
   (oom_sweep.py). Link with -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc:
   every call of those in the program's own objects and static libraries
   (not in shared libraries such as libc's or libclang's) comes here. With
   YC_FAIL_ALLOC=N in the environment the Nth one (from 1) returns NULL and
   says so on stderr; with YC_ALLOC_COUNT set, the number of calls is
   printed on stderr at exit. */
#include <stdio.h>
#include <stdlib.h>

void *__real_malloc(size_t n);
void *__real_calloc(size_t a, size_t b);
void *__real_realloc(void *p, size_t n);

static long fail_at = -1, count;

static void report(void) { fprintf(stderr, "allocations: %ld\n", count); }

/* Before the program's other constructors (a runtime's registrations), so
   that their allocations count too. */
__attribute__((constructor(101))) static void read_env(void) {
    const char *at = getenv("YC_FAIL_ALLOC");
    if (at)
        fail_at = atol(at);
    if (getenv("YC_ALLOC_COUNT"))
        atexit(report);
}

static int fail_now(void) {
    if (++count != fail_at)
        return 0;
    fprintf(stderr, "injected: allocation %ld fails\n", count);
    return 1;
}

void *__wrap_malloc(size_t n) { return fail_now() ? NULL : __real_malloc(n); }

void *__wrap_calloc(size_t a, size_t b) {
    return fail_now() ? NULL : __real_calloc(a, b);
}

void *__wrap_realloc(void *p, size_t n) {
    return fail_now() ? NULL : __real_realloc(p, n);
}
