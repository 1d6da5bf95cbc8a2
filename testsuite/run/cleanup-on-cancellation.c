// Cancellation cleans up without goto: a worker holds a buffer, a pipe's
// read end and a mutex through YC_CLEANUP locals and blocks reading the
// pipe; cancelled, its read fails with YC_ECANCELED and the return that a
// macro writes passes it on - the mutex is free again, the fd closed, the
// buffer freed (the Valgrind pass checks for leaks). Also: a struct
// result computed before the cleanups run.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <yieldc.h>

#define TRY(call)                                                              \
    do {                                                                       \
        int rc_ = (int)(call);                                                 \
        if (rc_ < 0)                                                           \
            return rc_;                                                        \
    } while (0)

static yc_mutex lock;
static int read_end = -1;

YC_COROUTINE static int worker(int fd) {
    YC_CLEANUP(yc_cleanup_close) int conn = fd;
    YC_CLEANUP(yc_cleanup_free) char *buf = malloc(64);
    TRY(YC_AWAIT(yc_mutex_lock(&lock, YC_NO_DEADLINE)));
    YC_CLEANUP(yc_cleanup_unlock) yc_mutex *held = &lock;
    strcpy(buf, "waiting");
    printf("worker %s\n", buf);
    TRY(YC_AWAIT(yc_read(conn, buf, 64, YC_NO_DEADLINE)));
    printf("not reached\n");
    return 0;
}

struct pair {
    int a, b;
};

static void zero(struct pair *p) { p->a = p->b = 0; }

YC_COROUTINE static struct pair swap(struct pair in) {
    YC_CLEANUP(zero) struct pair p = {in.b, in.a};
    YC_YIELD();
    return p; /* copied out before zero() clears it */
}

YC_COROUTINE int main(void) {
    int p[2];
    if (pipe(p))
        return 1;
    read_end = p[0];
    yc_task *t = YC_ASYNC(worker(p[0]));
    YC_YIELD(); /* the worker locks, then blocks on the empty pipe */
    printf("locked while blocked: %s\n",
           yc_mutex_trylock(&lock) == YC_EBUSY ? "yes" : "no");
    yc_task_cancel(t);
    int rc = 0;
    YC_AWAIT(yc_task_join(t, &rc, sizeof rc, YC_NO_DEADLINE));
    printf("worker returned %s\n", yc_err_name(rc));
    printf("mutex free: %s\n", yc_mutex_trylock(&lock) == 0 ? "yes" : "no");
    errno = 0;
    printf("fd closed: %s\n",
           fcntl(read_end, F_GETFD) == -1 && errno == EBADF ? "yes" : "no");
    close(p[1]);

    struct pair r = YC_AWAIT(swap((struct pair){1, 2}));
    printf("swap %d %d\n", r.a, r.b);
    return 0;
}
// CHECK: worker waiting
// CHECK-NEXT: locked while blocked: yes
// CHECK-NEXT: worker returned YC_ECANCELED
// CHECK-NEXT: mutex free: yes
// CHECK-NEXT: fd closed: yes
// CHECK-NEXT: swap 2 1
