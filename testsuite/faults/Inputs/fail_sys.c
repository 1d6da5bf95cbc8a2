/* fail_sys.c - makes one system resource call fail, for the resource
   fault sweep (sys_sweep.py). Link with -Wl,--wrap= for each function
   below: every call of it in the program's own objects and static
   libraries (the runtime's included, not libc's own) comes here. With
   YC_FAIL_SYS=NAME:N in the environment the Nth call (from 1) of NAME
   fails, as the kernel fails it when memory, mappings, threads or fds
   run out, and says so on stderr; with YC_SYS_COUNT set, the number of
   calls of each is printed on stderr at exit ("mmap: 3"). */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/stat.h>

/* The wrapped calls, in the order of the counts printed. */
enum { MMAP, MPROTECT, SIGALTSTACK, PTHREAD_CREATE, EPOLL_CREATE1, EPOLL_CTL,
       EVENTFD, FCNTL, FSTAT, NCALLS };
static const char *const names[NCALLS] = {
    "mmap",      "mprotect", "sigaltstack", "pthread_create", "epoll_create1",
    "epoll_ctl", "eventfd",  "fcntl",       "fstat"};

static int fail_call = -1;
static long fail_at;
static _Atomic long counts[NCALLS];

static void report(void) {
    for (int i = 0; i < NCALLS; i++)
        fprintf(stderr, "%s: %ld\n", names[i], (long)counts[i]);
}

__attribute__((constructor(101))) static void read_env(void) {
    const char *at = getenv("YC_FAIL_SYS");
    const char *colon = at ? strchr(at, ':') : NULL;
    for (int i = 0; colon && i < NCALLS; i++)
        if (strlen(names[i]) == (size_t)(colon - at) &&
            !strncmp(at, names[i], (size_t)(colon - at))) {
            fail_call = i;
            fail_at = atol(colon + 1);
        }
    if (getenv("YC_SYS_COUNT"))
        atexit(report);
}

/* Whether this call of `call` is the one to fail. */
static int fail_now(int call) {
    long n = ++counts[call];
    if (call != fail_call || n != fail_at)
        return 0;
    fprintf(stderr, "injected: %s call %ld fails\n", names[call], n);
    return 1;
}

void *__real_mmap(void *a, size_t n, int prot, int fl, int fd, off_t off);
void *__wrap_mmap(void *a, size_t n, int prot, int fl, int fd, off_t off) {
    if (fail_now(MMAP)) {
        errno = ENOMEM;
        return MAP_FAILED;
    }
    return __real_mmap(a, n, prot, fl, fd, off);
}

int __real_mprotect(void *a, size_t n, int prot);
int __wrap_mprotect(void *a, size_t n, int prot) {
    if (fail_now(MPROTECT)) {
        errno = ENOMEM; /* the process's mapping count is at its limit */
        return -1;
    }
    return __real_mprotect(a, n, prot);
}

int __real_sigaltstack(const stack_t *ss, stack_t *old);
int __wrap_sigaltstack(const stack_t *ss, stack_t *old) {
    if (fail_now(SIGALTSTACK)) {
        errno = ENOMEM;
        return -1;
    }
    return __real_sigaltstack(ss, old);
}

int __real_pthread_create(pthread_t *t, const pthread_attr_t *attr,
                          void *(*fn)(void *), void *arg);
int __wrap_pthread_create(pthread_t *t, const pthread_attr_t *attr,
                          void *(*fn)(void *), void *arg) {
    if (fail_now(PTHREAD_CREATE))
        return EAGAIN; /* the thread limit */
    return __real_pthread_create(t, attr, fn, arg);
}

int __real_epoll_create1(int flags);
int __wrap_epoll_create1(int flags) {
    if (fail_now(EPOLL_CREATE1)) {
        errno = EMFILE;
        return -1;
    }
    return __real_epoll_create1(flags);
}

int __real_epoll_ctl(int ep, int op, int fd, struct epoll_event *ev);
int __wrap_epoll_ctl(int ep, int op, int fd, struct epoll_event *ev) {
    if (fail_now(EPOLL_CTL)) {
        errno = ENOSPC; /* max_user_watches */
        return -1;
    }
    return __real_epoll_ctl(ep, op, fd, ev);
}

int __real_eventfd(unsigned init, int flags);
int __wrap_eventfd(unsigned init, int flags) {
    if (fail_now(EVENTFD)) {
        errno = EMFILE;
        return -1;
    }
    return __real_eventfd(init, flags);
}

/* Every fcntl the runtime makes takes an int or nothing. */
int __real_fcntl(int fd, int cmd, ...);
int __wrap_fcntl(int fd, int cmd, ...) {
    va_list ap;
    va_start(ap, cmd);
    int arg = va_arg(ap, int);
    va_end(ap);
    if (fail_now(FCNTL)) {
        errno = EBADF; /* as if another thread had closed fd */
        return -1;
    }
    return __real_fcntl(fd, cmd, arg);
}

int __real_fstat(int fd, struct stat *st);
int __wrap_fstat(int fd, struct stat *st) {
    if (fail_now(FSTAT)) {
        errno = EIO;
        return -1;
    }
    return __real_fstat(fd, st);
}
