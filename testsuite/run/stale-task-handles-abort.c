// A task handle used after it was given up - joined (its task freed),
// detached and its task finished, or from another thread's scheduler - is
// caught at the call,
// with a message naming it, and the program aborts: it never reads freed
// memory or silently acts on whichever task reused it. The handles a
// program keeps (a spawned task's own, a group child's until it finishes)
// keep working.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t -lpthread
// RUN: %run %t ok | FileCheck --check-prefix=OK %s
// RUN: not --crash %run %t joined 2>&1 | FileCheck --check-prefix=JOINED %s
// RUN: not --crash %run %t reused 2>&1 | FileCheck --check-prefix=REUSED %s
// RUN: not --crash %run %t detached 2>&1 | FileCheck --check-prefix=DETACHED %s
// RUN: not --crash %run %t foreign 2>&1 | FileCheck --check-prefix=FOREIGN %s

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <yieldc.h>

YC_COROUTINE static int work(int x) {
    int rc = YC_AWAIT(yc_sleep_for(1000));
    return rc < 0 ? rc : x;
}

YC_COROUTINE static void self_check(void) {
    yc_task *me = yc_task_current(); /* a spawned (detached) task's own */
    printf("self id ok: %d\n", yc_task_id(me) != 0 && !yc_task_done(me));
}

/* Keeps its own handle, then is detached by its creator: still valid. */
static yc_task *self;
YC_COROUTINE static int keeps_self(void) {
    self = yc_task_current();
    YC_YIELD();
    YC_YIELD();
    return 0;
}

static yc_task *other;

static void *thread_main(void *arg) {
    (void)arg;
    other = YC_ASYNC(work(1)); /* on this thread's scheduler */
    return NULL;
}

YC_COROUTINE int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "ok";
    int r = 0;
    if (!strcmp(mode, "ok")) {
        YC_SPAWN(self_check());
        yc_task *k = YC_ASYNC(keeps_self());
        YC_YIELD(); /* it takes its handle */
        yc_task_detach(k);
        printf("own handle after detach ok: %d\n",
               !yc_task_cancelled(self) && yc_task_id(self) == yc_task_id(k));
        yc_task *t = YC_ASYNC(work(7));
        yc_group g;
        yc_group_init(&g, 0);
        yc_group_add(&g, t);
        yc_task_cancel(t); /* still the group's live child */
        int rc = YC_AWAIT(yc_group_wait(&g, YC_NO_DEADLINE));
        printf("group rc %s\n", yc_err_name(rc));
        return 0;
    }
    yc_task *t = YC_ASYNC(work(7));
    if (!strcmp(mode, "joined") || !strcmp(mode, "reused")) {
        YC_AWAIT(yc_task_join(t, &r, sizeof r, YC_NO_DEADLINE));
        printf("joined %d\n", r);
        fflush(stdout);
        if (!strcmp(mode, "reused")) {
            /* the same memory now holds another task */
            yc_task *u = YC_ASYNC(work(8));
            (void)u;
        }
        YC_AWAIT(yc_task_join(t, &r, sizeof r, YC_NO_DEADLINE));
    } else if (!strcmp(mode, "detached")) {
        yc_task_detach(t);
        YC_AWAIT(yc_sleep_for(20 * YC_MSEC)); /* it finishes and is freed */
        yc_task_cancel(t);
    } else {
        pthread_t th;
        pthread_create(&th, NULL, thread_main, NULL);
        pthread_join(th, NULL);
        yc_task_cancel(other);
    }
    printf("not reached\n");
    return 0;
}
// OK: self id ok: 1
// OK: own handle after detach ok: 1
// OK: group rc YC_ECANCELED
// JOINED: joined 7
// JOINED: yieldc: yc_task_join: task handle {{.*}} is stale or foreign
// REUSED: joined 7
// REUSED: yieldc: yc_task_join: task handle {{.*}} is stale or foreign
// DETACHED: yieldc: yc_task_cancel: task handle {{.*}} is stale or foreign
// FOREIGN: yieldc: yc_task_cancel: task handle {{.*}} is stale or foreign
