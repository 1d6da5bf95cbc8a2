#include <stdlib.h>
#include <yieldc.h>
#define TRY(x) do { int rc_ = (x); if (rc_ < 0) return rc_; } while (0)
static void freep(char **p) { free(*p); }
YC_COROUTINE static int step(int x) { YC_YIELD(); return x - 1; }
YC_COROUTINE int run(int n) {
    char *buf __attribute__((cleanup(freep))) = malloc(8);
    switch (n) {
    case 0: TRY(YC_AWAIT(step(n))); break;
    default: { int k = n; while (k > 0) { k = YC_AWAIT(step(k)); if (k == 2) goto out; } }
    }
out:
    return n ? YC_AWAIT(step(n)) && buf : 0;
}
