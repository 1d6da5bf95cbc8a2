// Macros whose bodies await, yield or spawn - through a named coroutine, a
// function pointer, a channel - work wherever they are used, and a macro
// whose argument is YC_YIELD() too.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

YC_COROUTINE static int fetch_co(int k) {
    YC_YIELD();
    return k * 10;
}

int (*fetch)(int) = fetch_co;

#define FETCH(k) YC_AWAIT(fetch(k))
#define GET(k) YC_AWAIT(fetch_co(k))
#define PAUSE() YC_YIELD()
#define STMT(s) do { s; } while (0)
#define RECV(ch, v) YC_AWAIT(yc_chan_recv(ch, &v, YC_NO_DEADLINE))
#define SEND(ch, v) YC_AWAIT(yc_chan_send(ch, &v, YC_NO_DEADLINE))

YC_COROUTINE static void producer(yc_chan *ch) {
    for (int i = 1; i <= 3; i++) {
        PAUSE();
        SEND(ch, i);
    }
}

YC_COROUTINE int main(void) {
    int v = FETCH(2) + GET(3);
    STMT(YC_YIELD());
    PAUSE();
    printf("v %d\n", v);
    // CHECK: v 50
    yc_chan *ch;
    if (yc_chan_create(&ch, sizeof(int), 0))
        return 1;
    YC_SPAWN(producer(ch));
    int got, sum = 0;
    for (int i = 0; i < 3; i++) {
        int rc = RECV(ch, got);
        sum += rc == 0 ? got : 100;
    }
    printf("sum %d\n", sum);
    // CHECK-NEXT: sum 6
    yc_chan_free(ch);
    return 0;
}
