#include <yieldc.h>
YC_COROUTINE int g(int x) { YC_YIELD(); return x + 1; }
YC_COROUTINE int f(int n) {
    int s = 0;
    while (YC_AWAIT(g(s)) < n) {
        if (s == 3) {
            continue; // ab
        }
        s++;
    }
    return s;
}
