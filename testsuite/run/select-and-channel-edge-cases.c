// yc_select and channels at the edges of their contract (yieldc.h,
// docs/runtime/channels.md, futures.md): a select whose event is set,
// whose future is resolved or whose task has finished completes at once,
// with the future's result and value; one that waits gets them when the
// future is resolved later; a future operation with a NULL future never
// completes; a future of another thread's scheduler is refused with
// YC_EINVAL (by yc_select and by yc_future_await); a select of no
// operations with a deadline that has passed times out. Channels of
// messages of size 0 count their messages, buffered or handed over
// directly in either direction; a channel of capacity 20 buffers exactly
// 20 in order; an unbounded channel whose buffer would outgrow the
// address space fails a send with YC_ENOMEM; yc_chan_free(NULL) is a
// no-op.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t -lpthread && %run %t | FileCheck %s

#include <pthread.h>
#include <semaphore.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>
#include <yieldc.h>

YC_COROUTINE static int quick(void) { return 1; }

YC_COROUTINE static void resolve_later(yc_future *f, void *value) {
    YC_YIELD();
    yc_future_resolve(f, 7, value);
}

YC_COROUTINE static int recv_zero(yc_chan *ch) {
    return YC_AWAIT(yc_chan_recv(ch, NULL, YC_NO_DEADLINE));
}

YC_COROUTINE static int send_zero(yc_chan *ch) {
    return YC_AWAIT(yc_chan_send(ch, NULL, YC_NO_DEADLINE));
}

/* Another thread's future, kept alive (with its scheduler) until main
   has tried it. */
static yc_future *foreign;
static int hold[2];

static void *other_thread(void *arg) {
    sem_t *ready = arg;
    yc_future_create(&foreign);
    sem_post(ready);
    char c;
    if (read(hold[0], &c, 1) != 1)
        return NULL;
    return NULL;
}

YC_COROUTINE int main(void) {
    static char value[] = "value";
    void *got = NULL;
    int rc;

    /* Ready at once: an event, a future, a task - in array order, and
       NULL objects are skipped. */
    yc_event ev = YC_EVENT_INIT;
    yc_future *fut = NULL;
    yc_future_create(&fut);
    yc_task *t = YC_ASYNC(quick());
    struct yc_select_op ops[4] = {
        {.kind = YC_SELECT_FUTURE, .on.future = NULL},
        {.kind = YC_SELECT_EVENT, .on.event = &ev},
        {.kind = YC_SELECT_FUTURE, .on.future = fut, .elem = &got},
        {.kind = YC_SELECT_TASK, .on.task = t},
    };
    rc = YC_AWAIT(yc_select(ops, 4, 0)); /* a try */
    printf("nothing ready: %s\n", yc_err_name(rc));
    // CHECK: nothing ready: YC_ETIMEDOUT
    YC_YIELD(); /* the task runs and finishes */
    yc_event_set(&ev);
    rc = YC_AWAIT(yc_select(ops, 4, YC_NO_DEADLINE));
    printf("event set: op %d, result %d\n", rc, ops[rc].result);
    // CHECK: event set: op 1, result 0
    yc_event_clear(&ev);
    yc_future_resolve(fut, -5, value);
    rc = YC_AWAIT(yc_select(ops, 4, YC_NO_DEADLINE));
    printf("future resolved: op %d, result %d, value %s\n", rc, ops[rc].result,
           (char *)got);
    // CHECK: future resolved: op 2, result -5, value value
    ops[2].kind = YC_SELECT_OFF;
    rc = YC_AWAIT(yc_select(ops, 4, YC_NO_DEADLINE));
    printf("task finished: op %d, result %d\n", rc, ops[rc].result);
    // CHECK: task finished: op 3, result 0
    YC_AWAIT(yc_task_join(t, NULL, 0, YC_NO_DEADLINE));
    yc_future_unref(fut);

    /* Waiting, then the future is resolved by another task. */
    yc_future_create(&fut);
    got = NULL;
    struct yc_select_op wait[2] = {
        {.kind = YC_SELECT_FUTURE, .on.future = NULL},
        {.kind = YC_SELECT_FUTURE, .on.future = fut, .elem = &got},
    };
    YC_SPAWN(resolve_later(fut, value));
    rc = YC_AWAIT(yc_select(wait, 2, YC_NO_DEADLINE));
    printf("future resolved while waiting: op %d, result %d, value %s\n", rc,
           wait[rc].result, (char *)got);
    // CHECK: future resolved while waiting: op 1, result 7, value value
    yc_future_unref(fut);

    /* No operations at all: only the deadline can end it. */
    rc = YC_AWAIT(yc_select(NULL, 0, 0));
    printf("no operations: %s\n", yc_err_name(rc));
    // CHECK: no operations: YC_ETIMEDOUT

    /* Another thread's future. */
    static sem_t ready;
    pthread_t th;
    if (pipe(hold) || sem_init(&ready, 0, 0))
        return 1;
    pthread_create(&th, NULL, other_thread, &ready);
    while (sem_wait(&ready) != 0)
        ; /* until it has made the future */
    struct yc_select_op far[1] = {
        {.kind = YC_SELECT_FUTURE, .on.future = foreign}};
    rc = YC_AWAIT(yc_select(far, 1, YC_NO_DEADLINE));
    int rc2 = YC_AWAIT(yc_future_await(foreign, NULL, YC_NO_DEADLINE));
    printf("another thread's future: select %s, await %s\n", yc_err_name(rc),
           yc_err_name(rc2));
    // CHECK: another thread's future: select YC_EINVAL, await YC_EINVAL
    if (write(hold[1], "", 1) != 1)
        return 1;
    pthread_join(th, NULL);
    sem_destroy(&ready);
    yc_future_unref(foreign);
    close(hold[0]);
    close(hold[1]);

    /* Messages of size 0: buffered, ... */
    yc_chan *ch;
    yc_chan_create(&ch, 0, YC_CHAN_UNBOUNDED);
    for (int i = 0; i < 20; i++)
        yc_chan_try_send(ch, NULL);
    size_t len = yc_chan_len(ch);
    int n = 0;
    while (yc_chan_try_recv(ch, NULL) == 0)
        n++;
    printf("size 0, unbounded: %zu buffered, %d received\n", len, n);
    // CHECK: size 0, unbounded: 20 buffered, 20 received
    yc_chan_free(ch);
    /* ... and handed over directly, to a waiting receiver or from a
       waiting sender. */
    yc_chan_create(&ch, 0, 0);
    t = YC_ASYNC(recv_zero(ch));
    YC_YIELD(); /* it waits */
    rc = yc_chan_try_send(ch, NULL);
    YC_AWAIT(yc_task_join(t, &rc2, sizeof rc2, YC_NO_DEADLINE));
    printf("size 0 to a waiting receiver: %s, it got %s\n", yc_err_name(rc),
           yc_err_name(rc2));
    // CHECK: size 0 to a waiting receiver: 0, it got 0
    t = YC_ASYNC(send_zero(ch));
    YC_YIELD(); /* it waits */
    rc = yc_chan_try_recv(ch, NULL);
    YC_AWAIT(yc_task_join(t, &rc2, sizeof rc2, YC_NO_DEADLINE));
    printf("size 0 from a waiting sender: %s, it sent %s\n", yc_err_name(rc),
           yc_err_name(rc2));
    // CHECK: size 0 from a waiting sender: 0, it sent 0
    yc_chan_free(ch);

    /* Capacity 20: the buffer grows past its first 16 slots to 20. */
    yc_chan_create(&ch, sizeof(int), 20);
    n = 0;
    while (yc_chan_try_send(ch, &n) == 0)
        n++;
    int in_order = 1;
    for (int i = 0, v; yc_chan_try_recv(ch, &v) == 0; i++)
        in_order &= v == i;
    printf("capacity 20: %d sent, in order: %d\n", n, in_order);
    // CHECK: capacity 20: 20 sent, in order: 1
    yc_chan_free(ch);

    /* Messages so large that 16 of them overflow a size_t. */
    yc_chan_create(&ch, SIZE_MAX / 8, YC_CHAN_UNBOUNDED);
    rc = yc_chan_try_send(ch, value);
    printf("huge messages: %s, buffered %zu\n", yc_err_name(rc),
           yc_chan_len(ch));
    // CHECK: huge messages: YC_ENOMEM, buffered 0
    yc_chan_free(ch);
    printf("yc_chan_free(NULL): %d\n", yc_chan_free(NULL));
    // CHECK: yc_chan_free(NULL): 0
    return 0;
}
