/* fuzz_runtime.c - libFuzzer target for the runtime: each input is a
   sequence of operations - start senders, receivers, selects and sleepers
   on three channels of random capacities, cancel any task, yield, close a
   channel, try_send and try_recv from the driver - run on the scheduler
   and checked against a model of what the calls promise:

     - a message is delivered exactly once if its send returned 0, and
       never if the send failed (cancelled, timed out, closed);
     - every call returns one of its documented codes;
     - at the end every task has finished, every channel can be freed,
       and the scheduler holds no task, timer or wait.

   A coroutine program: built from its yieldc translation
   (testsuite/fuzz/build.sh). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yieldc.h>

#define CHECK(c)                                                               \
    do {                                                                       \
        if (!(c)) {                                                            \
            fprintf(stderr, "fuzz_runtime: %s:%d: %s\n", __FILE__, __LINE__,   \
                    #c);                                                       \
            abort();                                                           \
        }                                                                      \
    } while (0)

enum { NCHAN = 3, MAXTASKS = 48, MAXMSG = 4096 };

static yc_chan *chans[NCHAN];
static unsigned char accepted[MAXMSG];  /* its send returned 0 */
static unsigned char delivered[MAXMSG]; /* times it was received */
static int next_msg;

static int64_t deadline_of(unsigned b) {
    switch (b & 3) {
    case 0:
        return YC_NO_DEADLINE;
    case 1:
        return yc_now(); /* already due: fails unless it can finish now */
    default:
        return yc_now() + (int64_t)(b & 3) * 200 * 1000; /* 0.4, 0.6 ms */
    }
}

static void got(int rc, int msg) {
    if (rc == 0) {
        CHECK(msg >= 0 && msg < next_msg);
        delivered[msg]++;
    }
}

YC_COROUTINE static int sender(int c, int msg, int64_t deadline) {
    int rc = YC_AWAIT(yc_chan_send(chans[c], &msg, deadline));
    CHECK(rc == 0 || rc == YC_EPIPE || rc == YC_ETIMEDOUT ||
          rc == YC_ECANCELED);
    if (rc == 0)
        accepted[msg] = 1;
    return rc;
}

YC_COROUTINE static int receiver(int c, int64_t deadline) {
    int msg = -1;
    int rc = YC_AWAIT(yc_chan_recv(chans[c], &msg, deadline));
    CHECK(rc == 0 || rc == YC_EPIPE || rc == YC_ETIMEDOUT ||
          rc == YC_ECANCELED);
    got(rc, msg);
    return rc;
}

/* Receives from whichever of two channels has a message first. */
YC_COROUTINE static int selector(int a, int b, int64_t deadline) {
    int ma = -1, mb = -1;
    struct yc_select_op ops[2] = {
        {.kind = YC_SELECT_RECV, .on.chan = chans[a], .elem = &ma},
        {.kind = YC_SELECT_RECV, .on.chan = chans[b], .elem = &mb},
    };
    int i = YC_AWAIT(yc_select(ops, 2, deadline));
    CHECK(i == 0 || i == 1 || i == YC_ETIMEDOUT || i == YC_ECANCELED);
    if (i >= 0) {
        CHECK(ops[i].result == 0 || ops[i].result == YC_EPIPE);
        got(ops[i].result, i == 0 ? ma : mb);
    }
    return i < 0 ? i : 0;
}

YC_COROUTINE static int sleeper(int64_t ns) {
    int rc = YC_AWAIT(yc_sleep_for(ns));
    CHECK(rc == 0 || rc == YC_ECANCELED);
    return rc;
}

/* Runs the operations of data[0..n). */
YC_COROUTINE static int run(const uint8_t *data, size_t n) {
    static const size_t caps[4] = {0, 1, 3, YC_CHAN_UNBOUNDED};
    yc_task *tasks[MAXTASKS];
    int ntasks = 0, closed[NCHAN] = {0};
    memset(accepted, 0, sizeof accepted);
    memset(delivered, 0, sizeof delivered);
    next_msg = 0;
    for (int c = 0; c < NCHAN; c++)
        CHECK(yc_chan_create(&chans[c], sizeof(int),
                             caps[n > (size_t)c ? data[c] & 3 : 0]) == 0);
    for (size_t i = NCHAN; i < n && next_msg < MAXMSG; i++) {
        unsigned b = data[i], c = (b >> 3) % NCHAN;
        if (ntasks == MAXTASKS || (b & 7) == 2) {
            /* Cancel a task; when full, also join it to make room (a
               cancelled task's waits fail at once: the join cannot block
               for ever). */
            if (ntasks == 0)
                continue;
            int k = (int)((b >> 3) % (unsigned)ntasks), rc = 0;
            yc_task_cancel(tasks[k]);
            if (ntasks == MAXTASKS) {
                int j = YC_AWAIT(
                    yc_task_join(tasks[k], &rc, sizeof rc, YC_NO_DEADLINE));
                CHECK(j == 0);
                tasks[k] = tasks[--ntasks];
            }
            continue;
        }
        int rc;
        switch (b & 7) {
        case 0:
            tasks[ntasks++] = YC_ASYNC(sender((int)c, next_msg++,
                                              deadline_of(b >> 5)));
            break;
        case 1:
            tasks[ntasks++] = YC_ASYNC(receiver((int)c, deadline_of(b >> 5)));
            break;
        case 3:
            YC_YIELD();
            break;
        case 4:
            if ((b >> 5) == 0) { /* rarely: closing ends most traffic */
                rc = yc_chan_close(chans[c]);
                CHECK(rc == (closed[c] ? YC_EPIPE : 0));
                closed[c] = 1;
            } else {
                tasks[ntasks++] = YC_ASYNC(selector(
                    (int)c, (int)((c + 1) % NCHAN), deadline_of(b >> 5)));
            }
            break;
        case 5: {
            int msg = next_msg++;
            rc = yc_chan_try_send(chans[c], &msg);
            CHECK(rc == 0 || rc == YC_EAGAIN || rc == YC_EPIPE);
            CHECK(rc != YC_EPIPE || closed[c]);
            if (rc == 0)
                accepted[msg] = 1;
            break;
        }
        case 6: {
            int msg = -1;
            rc = yc_chan_try_recv(chans[c], &msg);
            CHECK(rc == 0 || rc == YC_EAGAIN || rc == YC_EPIPE);
            got(rc, msg);
            break;
        }
        default:
            tasks[ntasks++] =
                YC_ASYNC(sleeper((int64_t)(b >> 3) * 50 * 1000)); /* < 1.6 ms */
            break;
        }
    }
    /* The end: close everything, let every task finish, drain. */
    for (int c = 0; c < NCHAN; c++)
        if (!closed[c])
            CHECK(yc_chan_close(chans[c]) == 0);
    for (int k = 0; k < ntasks; k++) {
        int rc = 0;
        int j =
            YC_AWAIT(yc_task_join(tasks[k], &rc, sizeof rc, YC_NO_DEADLINE));
        CHECK(j == 0);
    }
    for (int c = 0; c < NCHAN; c++) {
        int msg, rc;
        while ((rc = yc_chan_try_recv(chans[c], &msg)) == 0)
            got(rc, msg);
        CHECK(rc == YC_EPIPE);
        CHECK(yc_chan_free(chans[c]) == 0);
    }
    for (int m = 0; m < next_msg; m++)
        CHECK(delivered[m] == accepted[m]);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
    CHECK(run(data, n) == 0); /* plain C: runs the scheduler until done */
    struct yc_sched_stats st;
    yc_sched_stats(&st);
    CHECK(st.tasks == 0 && st.timers == 0 && st.io_waits == 0);
    return 0;
}
