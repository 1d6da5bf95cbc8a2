/* An example of a project outside yieldc's tree: two tickers interleave. */
#include <stdio.h>

#include "ticker.h"

YC_COROUTINE int tick(const char *name) {
    for (int i = 1; i <= TICKER_TICKS; i++) {
        printf("%s tick %d\n", name, i);
        YC_YIELD(); /* lets the other ticker run */
    }
    return TICKER_TICKS;
}

YC_COROUTINE static int two_tickers(void) {
    int a = YC_AWAIT(tick("a"));
    int b = YC_AWAIT(tick("b"));
    return a + b;
}

YC_COROUTINE int main(void) {
    int n = YC_AWAIT(two_tickers());
    printf("%d ticks\n", n);
    return 0;
}
