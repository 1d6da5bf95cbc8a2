// An untimed await of yc_chan_send or yc_chan_recv waits with no frame of
// the call (a link of its own from the pool); a timed one, a select and a
// plain C call wait in a frame. All of them share the channel's FIFO: the
// messages reach the receivers in the order they began to wait, whatever
// their kind. A cancelled waiter leaves the queue (its message is not
// sent), closing the channel ends every wait with YC_EPIPE, and the
// channel cannot be freed while anyone waits on it.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

static yc_chan *ch;
static int got[8], plain_got; /* what each receiver received */

/* how: 0 untimed, 1 with a deadline, 2 through yc_select. */
YC_COROUTINE static void receiver(int id, int how) {
    int v = -1, rc;
    if (how == 2) {
        struct yc_select_op op = {
            .kind = YC_SELECT_RECV, .on.chan = ch, .elem = &v};
        rc = YC_AWAIT(yc_select(&op, 1, YC_NO_DEADLINE));
        rc = rc == 0 ? op.result : rc;
    } else {
        rc = YC_AWAIT(
            yc_chan_recv(ch, &v, how ? yc_now() + 3600 * YC_SEC : -1));
    }
    got[id] = rc ? rc : v;
}

static int plain_recv(void) {
    int v = -1;
    int rc = yc_chan_recv(ch, &v, YC_NO_DEADLINE);
    plain_got = rc ? rc : v;
    return rc;
}
YC_COROUTINE static void calls_plain(void) { plain_recv(); }

YC_COROUTINE static int sender(int v) {
    int rc = YC_AWAIT(yc_chan_send(ch, &v, YC_NO_DEADLINE));
    printf("sender %d: %s\n", v, yc_err_name(rc));
    return rc;
}

YC_COROUTINE int main(void) {
    yc_chan_create(&ch, sizeof(int), 0);
    yc_task *r[5];
    r[0] = YC_ASYNC(receiver(1, 0));
    r[1] = YC_ASYNC(receiver(2, 1));
    r[2] = YC_ASYNC(receiver(3, 2));
    r[3] = YC_ASYNC(calls_plain());
    r[4] = YC_ASYNC(receiver(4, 0));
    YC_YIELD();
    printf("free while waited on: %s\n", yc_err_name(yc_chan_free(ch)));
    // CHECK: free while waited on: YC_EBUSY
    for (int i = 1; i <= 5; i++) {
        int v = i * 10;
        YC_AWAIT(yc_chan_send(ch, &v, YC_NO_DEADLINE));
    }
    for (int i = 0; i < 5; i++)
        YC_AWAIT(yc_task_join(r[i], NULL, 0, YC_NO_DEADLINE));
    printf("untimed %d, timed %d, select %d, plain %d, untimed %d\n", got[1],
           got[2], got[3], plain_got, got[4]);
    // CHECK-NEXT: untimed 10, timed 20, select 30, plain 40, untimed 50

    // Senders: the head, a middle one and the tail cancelled.
    yc_task *s[5];
    for (int i = 0; i < 5; i++)
        s[i] = YC_ASYNC(sender(i + 1));
    YC_YIELD();
    yc_task_cancel(s[0]);
    yc_task_cancel(s[2]);
    yc_task_cancel(s[4]);
    YC_YIELD();
    // CHECK-NEXT: sender 1: YC_ECANCELED
    // CHECK-NEXT: sender 3: YC_ECANCELED
    // CHECK-NEXT: sender 5: YC_ECANCELED
    for (int i = 0; i < 2; i++) {
        int v = 0;
        int rc = YC_AWAIT(yc_chan_recv(ch, &v, YC_NO_DEADLINE));
        printf("received %s %d\n", yc_err_name(rc), v);
    }
    // CHECK-NEXT: received 0 2
    // CHECK-NEXT: received 0 4
    for (int i = 0; i < 5; i++)
        YC_AWAIT(yc_task_join(s[i], NULL, 0, YC_NO_DEADLINE));
    // CHECK-NEXT: sender 2: 0
    // CHECK-NEXT: sender 4: 0

    // Closing ends every wait: a receiver and a frameless one's neighbour.
    yc_task *a = YC_ASYNC(receiver(5, 0)), *b = YC_ASYNC(receiver(6, 1));
    YC_YIELD();
    yc_chan_close(ch);
    YC_AWAIT(yc_task_join(a, NULL, 0, YC_NO_DEADLINE));
    YC_AWAIT(yc_task_join(b, NULL, 0, YC_NO_DEADLINE));
    printf("after close: %s, %s\n", yc_err_name(got[5]), yc_err_name(got[6]));
    // CHECK-NEXT: after close: YC_EPIPE, YC_EPIPE
    int v = 7;
    printf("send after close: %s\n",
           yc_err_name(YC_AWAIT(yc_chan_send(ch, &v, YC_NO_DEADLINE))));
    // CHECK-NEXT: send after close: YC_EPIPE
    printf("free: %s\n", yc_err_name(yc_chan_free(ch)));
    // CHECK-NEXT: free: 0
    return 0;
}
