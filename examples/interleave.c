/* interleave.c - two tasks take turns: each prints a line and yields, so
   their output alternates, while main waits for both through a shared
   countdown it polls between its own yields. */
#include <stdio.h>
#include <yieldc.h>

static int running; /* tasks that have not finished yet */

YC_COROUTINE static void worker(const char *name, int steps) {
    for (int i = 1; i <= steps; i++) {
        printf("%s: step %d of %d\n", name, i, steps);
        YC_YIELD();
    }
    printf("%s: done\n", name);
    running--;
}

YC_COROUTINE int main(void) {
    running = 2;
    YC_SPAWN(worker("ping", 3));
    YC_SPAWN(worker("pong", 4));
    while (running > 0)
        YC_YIELD();
    printf("main: both tasks finished\n");
    return 0;
}
