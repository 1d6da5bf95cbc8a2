/* offload.c - running blocking calls on a pool of worker threads.

   A job is queued under the pool's lock; an idle worker takes it, runs
   it, and posts it back to the scheduler that queued it (wake.c), whose
   task, blocked in yc_offload, then resumes; once a job runs, the wait
   no longer ends early, since fn's argument must outlive it.

   A job is malloc'd rather than kept in the awaiting frame, because a
   scheduler torn down at exit frees its frames while workers may still
   run its jobs: those are then abandoned (yc__offload_abandon) and freed
   by whoever holds them last. */
#define _GNU_SOURCE /* pthread_timedjoin_np */
#include "offload.h"
#include "prim.h"

#include <errno.h>
#include <time.h>

/* A job. */
struct job {
    struct yc__remote remote;     /* the way back to the owner */
    struct job *next;             /* in the queue, or the running list */
    struct job **prev;            /* the link pointing at this job */
    void (*fn)(void *);           /* what to run */
    void *arg;                    /* its argument */
    struct yc__sched_full *owner; /* NULL once the owner is gone */
    struct offload_frame *frame;  /* the blocked yc_offload */
    int state;                    /* enum below */
};

enum { JOB_QUEUED, JOB_RUNNING, JOB_DONE };

enum { MAX_WORKERS = 256 };

static struct {
    pthread_mutex_t lock;
    pthread_cond_t work;            /* signalled when a job is queued */
    struct job *head;               /* queued jobs, oldest first */
    struct job **tail;              /* where the next one goes */
    struct job *running;            /* jobs being run */
    unsigned nthreads;              /* workers started */
    unsigned nidle;                 /* workers waiting for a job (some
                                       perhaps signalled already) */
    unsigned nqueued;               /* jobs queued */
    unsigned max;                   /* the most workers to start */
    int stop;                       /* exit: idle workers end */
    pthread_t threads[MAX_WORKERS]; /* the workers, joined at exit */
} pool = {PTHREAD_MUTEX_INITIALIZER,
          PTHREAD_COND_INITIALIZER,
          NULL,
          &pool.head,
          NULL,
          0,
          0,
          0,
          4,
          0,
          {0}};

static void unlink_job(struct job *j) {
    *j->prev = j->next;
    if (j->next)
        j->next->prev = j->prev;
    else if (j->state == JOB_QUEUED)
        pool.tail = j->prev;
}

static void push_running(struct job *j) {
    j->next = pool.running;
    j->prev = &pool.running;
    if (pool.running)
        pool.running->prev = &j->next;
    pool.running = j;
}

static void *worker(void *unused) {
    (void)unused;
    pthread_mutex_lock(&pool.lock);
    for (;;) {
        while (!pool.head && !pool.stop) {
            pool.nidle++;
            pthread_cond_wait(&pool.work, &pool.lock);
            pool.nidle--;
        }
        if (pool.stop)
            break;
        struct job *j = pool.head;
        unlink_job(j);
        pool.nqueued--;
        j->state = JOB_RUNNING;
        push_running(j);
        pthread_mutex_unlock(&pool.lock);
        j->fn(j->arg);
        pthread_mutex_lock(&pool.lock);
        unlink_job(j);
        j->state = JOB_DONE;
        /* Posting under the lock: the owner cannot be torn down between
           the check and the post (yc__offload_abandon takes the lock). */
        if (j->owner)
            yc__wake_post(j->owner, &j->remote);
        else
            free(j);
    }
    pthread_mutex_unlock(&pool.lock);
    return NULL;
}

/* At exit the idle workers end and are joined, so that they free what
   they hold (the resolver state getaddrinfo leaves per thread, say);
   one still running a job is left to the process's end rather than
   making exit wait for it. */
static void stop_workers(void) {
    pthread_mutex_lock(&pool.lock);
    pool.stop = 1;
    pthread_cond_broadcast(&pool.work);
    unsigned n = pool.nthreads;
    pthread_mutex_unlock(&pool.lock);
    for (unsigned i = 0; i < n; i++) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += 50 * 1000 * 1000;
        if (until.tv_nsec >= 1000000000) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000;
        }
        if (pthread_timedjoin_np(pool.threads[i], NULL, &until) != 0)
            pthread_detach(pool.threads[i]);
    }
}

/* Queues j, starting a worker if the idle ones are fewer than the queued
   jobs (a worker signalled but not yet running still counts as idle, and
   is spoken for). Returns 0 or a code. */
static int submit(struct job *j) {
    int rc = 0;
    pthread_mutex_lock(&pool.lock);
    if (pool.stop) {
        pthread_mutex_unlock(&pool.lock);
        return YC_EAGAIN; /* exiting: no worker would take it */
    }
    if (pool.nqueued + 1 > pool.nidle && pool.nthreads < pool.max) {
        int err =
            pthread_create(&pool.threads[pool.nthreads], NULL, worker, NULL);
        if (err == 0 && pool.nthreads++ == 0)
            atexit(stop_workers);
        else if (err != 0 && !pool.nthreads)
            rc = err == ENOMEM ? YC_ENOMEM : YC_EAGAIN;
    }
    if (!rc) {
        j->state = JOB_QUEUED;
        j->next = NULL;
        j->prev = pool.tail;
        *pool.tail = j;
        pool.tail = &j->next;
        pool.nqueued++;
        pthread_cond_signal(&pool.work);
    }
    pthread_mutex_unlock(&pool.lock);
    return rc;
}

/* Takes j back if no worker has taken it yet. Returns whether it did. */
static int withdraw(struct job *j) {
    pthread_mutex_lock(&pool.lock);
    int queued = j->state == JOB_QUEUED;
    if (queued) {
        unlink_job(j);
        pool.nqueued--;
    }
    pthread_mutex_unlock(&pool.lock);
    return queued;
}

int yc_offload_threads(unsigned n) {
    if (n < 1 || n > MAX_WORKERS)
        return YC_EINVAL;
    pthread_mutex_lock(&pool.lock);
    pool.max = n;
    pthread_mutex_unlock(&pool.lock);
    return 0;
}

void yc__offload_abandon(struct yc__sched_full *s) {
    pthread_mutex_lock(&pool.lock);
    for (struct job *j = pool.running; j; j = j->next)
        if (j->owner == s)
            j->owner = NULL;
    for (struct job **p = &pool.head; *p;) {
        struct job *j = *p;
        if (j->owner == s) {
            unlink_job(j);
            pool.nqueued--;
            free(j);
        } else {
            p = &j->next;
        }
    }
    pthread_mutex_unlock(&pool.lock);
}

/* ------------------------------------------------------------------ */
/* yc_offload                                                          */
/* ------------------------------------------------------------------ */

struct yc__yc_offload_args {
    void (*fn)(void *arg);
    void *arg;
    int64_t deadline;
};
struct offload_frame {
    struct yc__prim p;
    struct yc__yc_offload_args a;
    struct job *job; /* the job, until it comes back */
    int delivered;   /* it came back */
};

/* On the owner's thread: the job is done (s is NULL when the owner is
   being torn down, its frames gone). The task may not be blocked: a
   timeout may have woken it just before; then it finds `delivered`. */
static void job_back(struct yc__sched_full *s, struct yc__remote *r) {
    struct job *j = (struct job *)(void *)r;
    if (s) {
        struct offload_frame *f = j->frame;
        f->job = NULL;
        f->delivered = 1;
        if (f->p.wait.pending)
            yc__wait_wake(s, &f->p.wait, -1, 0);
    }
    free(j);
}

/* States: 0 the call, 1 blocked (may end early), 2 blocked until the
   running job is back. The task counts as waiting for the outside world
   (nexternal) while it is blocked. */
static int offload_run(struct offload_frame *f, struct yc__sched *abi) {
    struct yc__sched_full *s = yc__full(abi);
    int rc;
    switch (f->p.hdr.state) {
    case 0: {
        if ((rc = yc__checkpoint(abi)) != 0)
            return yc__prim_done(&f->p, rc);
        struct job *j = calloc(1, sizeof *j);
        if (!j)
            return yc__prim_done(&f->p, YC_ENOMEM);
        j->remote.run = job_back;
        j->fn = f->a.fn;
        j->arg = f->a.arg;
        j->owner = s;
        j->frame = f;
        f->job = j;
        f->delivered = 0;
        if ((rc = submit(j)) != 0) {
            free(j);
            return yc__prim_done(&f->p, rc);
        }
        f->p.wait.obj = (const void *)f;
        if (yc__prim_block(abi, &f->p, 1, f->a.deadline) == YC__DONE) {
            rc = f->p.ret;
            break; /* the deadline had passed already */
        }
        s->nexternal++;
        return YC__SUSPENDED;
    }
    case 1:
        s->nexternal--;
        rc = f->p.wait.result;
        break;
    default:
        s->nexternal--;
        return yc__prim_done(&f->p, 0);
    }
    /* Woken by the job's return (rc 0), or early by the deadline or a
       cancellation: then the job is withdrawn if no worker took it, and
       otherwise waited for. */
    if (rc == 0 || f->delivered)
        return yc__prim_done(&f->p, 0);
    if (withdraw(f->job)) {
        free(f->job);
        return yc__prim_done(&f->p, rc);
    }
    s->nexternal++;
    return yc__prim_block_shielded(abi, &f->p, 2);
}

YC__PRIMITIVE(yc_offload, struct offload_frame, offload_run,
              (void (*fn)(void *arg), void *arg, int64_t deadline),
              (fn, arg, deadline))
