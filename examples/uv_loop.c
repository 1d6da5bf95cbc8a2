/* uv_loop.c - yieldc tasks inside a libuv event loop. libuv owns the main
   loop; the yieldc scheduler is one more thing it watches: a uv_poll on
   yc_sched_fd() and a uv_timer for the scheduler's next deadline, both of
   which call yc_sched_run_ready(). The tasks sleep, wait for a libuv
   timer through a future, and offload work to libuv's thread pool, whose
   threads resolve futures directly. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <uv.h>
#include <yieldc.h>

static uv_loop_t *loop;
static uv_poll_t sched_poll;   /* readable: work came from another thread */
static uv_timer_t sched_timer; /* the scheduler's next deadline */
static int app_finished;

/* ------------------------------------------------------------------ */
/* The glue: about twenty lines                                        */
/* ------------------------------------------------------------------ */

static void drive(void);

static void on_sched_fd(uv_poll_t *p, int status, int events) {
    (void)p;
    (void)status;
    (void)events;
    drive();
}

static void on_sched_timer(uv_timer_t *t) {
    (void)t;
    drive();
}

/* Runs what is ready, then arms the libuv timer for the scheduler's next
   deadline (0: tasks are ready again, so come back on the next turn of
   the loop; -1: only the fd can bring work). */
static void drive(void) {
    int64_t wait = yc_sched_run_ready();
    if (app_finished) {
        uv_close((uv_handle_t *)&sched_poll, NULL);
        uv_close((uv_handle_t *)&sched_timer, NULL);
        return;
    }
    if (wait < 0)
        uv_timer_stop(&sched_timer);
    else
        uv_timer_start(&sched_timer, on_sched_timer,
                       (uint64_t)((wait + 999999) / 1000000), 0);
}

/* ------------------------------------------------------------------ */
/* Coroutines that use libuv                                           */
/* ------------------------------------------------------------------ */

/* A libuv timer completes a future: the callback side of the bridge. */
static void on_uv_timer(uv_timer_t *t) {
    yc_future_resolve(t->data, 0, "a libuv timer fired");
    uv_close((uv_handle_t *)t, (uv_close_cb)free);
}

YC_COROUTINE static int wait_for_uv_timer(uint64_t ms) {
    yc_future *f;
    if (yc_future_create(&f) != 0)
        return -1;
    uv_timer_t *t = malloc(sizeof *t);
    uv_timer_init(loop, t);
    t->data = f;
    uv_timer_start(t, on_uv_timer, ms, 0);
    void *what;
    int rc = YC_AWAIT(yc_future_await(f, &what, -1));
    printf("uv timer: %s\n", (const char *)what);
    yc_future_unref(f);
    return rc;
}

/* Work for libuv's thread pool: count the primes below n. */
struct job {
    uv_work_t req; /* libuv's request; must live until after_work */
    yc_future *done;
    long n;
};

static void work(uv_work_t *req) {
    struct job *j = req->data;
    long count = 0;
    for (long k = 2; k < j->n; k++) {
        long d = 2;
        while (d * d <= k && k % d)
            d++;
        count += d * d > k;
    }
    /* On a pool thread: the resolve wakes the loop through the fd. */
    yc_future_resolve(j->done, 0, (void *)(intptr_t)count);
}

static void after_work(uv_work_t *req, int status) {
    (void)status;
    struct job *j = req->data;
    yc_future_unref(j->done);
    free(j);
}

YC_COROUTINE static long count_primes(long n) {
    struct job *j = malloc(sizeof *j);
    yc_future *done;
    if (!j || yc_future_create(&done) != 0)
        return -1;
    j->req.data = j;
    j->done = done;
    j->n = n;
    yc_future_ref(done); /* the job's reference, dropped in after_work */
    uv_queue_work(loop, &j->req, work, after_work);
    void *count;
    int rc = YC_AWAIT(yc_future_await(done, &count, -1));
    yc_future_unref(done);
    return rc ? rc : (long)(intptr_t)count;
}

YC_COROUTINE static int ticker(int n) {
    for (int i = 1; i <= n; i++) {
        int64_t ns = 30 * YC_MSEC;
        int rc = YC_AWAIT(yc_sleep_for(ns));
        if (rc)
            return rc;
        printf("tick %d\n", i);
    }
    return 0;
}

YC_COROUTINE static int app(void) {
    yc_group g;
    yc_group_init(&g, YC_GROUP_FAIL_FAST);
    yc_group_add(&g, YC_ASYNC(ticker(3)));
    yc_group_add(&g, YC_ASYNC(wait_for_uv_timer(50)));
    long primes = YC_AWAIT(count_primes(200000));
    printf("primes below 200000: %ld\n", primes);
    int rc = YC_AWAIT(yc_group_wait(&g, -1));
    printf("all done: %s\n", yc_strerror(rc));
    app_finished = 1;
    return rc;
}

int main(void) {
    loop = uv_default_loop();
    uv_poll_init(loop, &sched_poll, yc_sched_fd());
    uv_poll_start(&sched_poll, UV_READABLE, on_sched_fd);
    uv_timer_init(loop, &sched_timer);
    yc_task *t = YC_ASYNC(app());
    drive();
    uv_run(loop, UV_RUN_DEFAULT);
    int rc = -1;
    yc_task_join(t, &rc, sizeof rc, 0); /* finished: returns at once */
    uv_loop_close(loop);
    return rc == 0 ? 0 : 1;
}
