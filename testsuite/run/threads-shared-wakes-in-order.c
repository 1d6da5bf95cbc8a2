// A shared event, a shared condition's broadcast and a shared channel's
// close wake the waiters of one thread in the order they came, as the
// local objects do: five waiters each, woken by one call, print their
// numbers in the order they run.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t
// RUN: %run %t | FileCheck %s
// CHECK: event: 0 1 2 3 4
// CHECK-NEXT: broadcast: 0 1 2 3 4
// CHECK-NEXT: close: 0 1 2 3 4

#include <stdio.h>
#include <yieldc.h>

static yc_event ev;
static yc_mutex m;
static yc_cond c;
static yc_chan *ch;
static int go;

YC_COROUTINE static void on_event(int i) {
    YC_AWAIT(yc_event_wait(&ev, YC_NO_DEADLINE));
    printf(" %d", i);
}

YC_COROUTINE static void on_cond(int i) {
    YC_AWAIT(yc_mutex_lock(&m, YC_NO_DEADLINE));
    while (!go)
        YC_AWAIT(yc_cond_wait(&c, &m, YC_NO_DEADLINE));
    printf(" %d", i);
    yc_mutex_unlock(&m);
}

YC_COROUTINE static void on_close(int i) {
    int v;
    YC_AWAIT(yc_chan_recv(ch, &v, YC_NO_DEADLINE));
    printf(" %d", i);
}

YC_COROUTINE int main(void) {
    yc_event_init_shared(&ev, 0);
    yc_mutex_init_shared(&m);
    yc_cond_init_shared(&c);
    yc_chan_create_shared(&ch, sizeof(int), 0);
    yc_group g;
    yc_group_init(&g, 0);

    printf("event:");
    for (int i = 0; i < 5; i++)
        YC_SPAWN(on_event(i));
    YC_AWAIT(yc_sleep_for(YC_MSEC));
    yc_event_set(&ev);
    YC_AWAIT(yc_sleep_for(YC_MSEC));

    printf("\nbroadcast:");
    for (int i = 0; i < 5; i++)
        YC_SPAWN(on_cond(i));
    YC_AWAIT(yc_sleep_for(YC_MSEC));
    YC_AWAIT(yc_mutex_lock(&m, YC_NO_DEADLINE));
    go = 1;
    yc_cond_broadcast(&c);
    yc_mutex_unlock(&m);
    YC_AWAIT(yc_sleep_for(YC_MSEC));

    printf("\nclose:");
    for (int i = 0; i < 5; i++)
        YC_SPAWN(on_close(i));
    YC_AWAIT(yc_sleep_for(YC_MSEC));
    yc_chan_close(ch);
    YC_AWAIT(yc_sleep_for(YC_MSEC));
    printf("\n");
    yc_chan_free(ch);
    return 0;
}
