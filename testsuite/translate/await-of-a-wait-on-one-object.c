// An await of yc_event_wait, yc_mutex_lock, yc_sem_acquire, yc_chan_send
// or yc_chan_recv calls the runtime's yc__NAME_in with the awaiting frame
// and its resume state: the call waits in the object's queue with no frame
// of its own (yieldc/abi.h), and after the resume yc__wait_done gives the
// result. A coroutine whose only awaits are such waits declares no callee
// frame. Other runtime calls keep their frames.
// RUN: %yieldc %s -o - | FileCheck %s

#include <yieldc.h>

static yc_event ev;
static yc_mutex mu;
static yc_sem sem;

YC_COROUTINE static int waits(int d) {
    int a = d * 3;
    int rc = YC_AWAIT(yc_event_wait(&ev, YC_NO_DEADLINE));
    YC_AWAIT(yc_mutex_lock(&mu, d));
    return a + rc + YC_AWAIT(yc_sem_acquire(&sem, YC_NO_DEADLINE));
}
// CHECK: #define yc__waits_enter
// CHECK-NOT: yc__cf
// CHECK: case 3: goto yc__resume_3;
// CHECK: yc__t1 = yc__yc_event_wait_in(yc__s, yc__fp, 1, &ev, YC_NO_DEADLINE);
// CHECK-NEXT: #line 17
// CHECK-NEXT: if (YC__SUSPENDED()) { yc__save_1 return yc__waits_z; yc__resume_1: yc__load_1 yc__t1 = yc__wait_done(yc__s, yc__fp); }
// CHECK: yc__yc_mutex_lock_in(yc__s, yc__fp, 2, &mu, d);
// CHECK-NEXT: #line 18
// CHECK-NEXT: if (YC__SUSPENDED()) { yc__save_2 return yc__waits_z; yc__resume_2: yc__load_2 (void)yc__wait_done(yc__s, yc__fp); }
// CHECK: yc__t2 = yc__yc_sem_acquire_in(yc__s, yc__fp, 3, &sem, YC_NO_DEADLINE);

YC_COROUTINE static int relay(yc_chan *in, yc_chan *out) {
    int v;
    if (YC_AWAIT(yc_chan_recv(in, &v, YC_NO_DEADLINE)))
        return -1;
    return YC_AWAIT(yc_chan_send(out, &v, YC_NO_DEADLINE));
}
// CHECK: #define yc__relay_enter
// CHECK-NOT: yc__cf
// CHECK: yc__t1 = yc__yc_chan_recv_in(yc__s, yc__fp, 1, in, &yc__f->v, YC_NO_DEADLINE);
// CHECK: yc__t2 = yc__yc_chan_send_in(yc__s, yc__fp, 2, out, &yc__f->v, YC_NO_DEADLINE);

YC_COROUTINE static int sleeps(void) {
    return YC_AWAIT(yc_sleep_for(YC_MSEC));
}
// CHECK: #define yc__sleeps_enter
// CHECK: struct yc__frame *yc__cf;
// CHECK: yc__cf = YC__NEW(yc_sleep_for, 1);
