#include <yieldc.h>
YC_COROUTINE static int leaf(int x) { YC_YIELD(); return x + 1; }
YC_COROUTINE int main(void) {
    int s = 0;
    for (int i = 0; i < 3; i++)
        s += YC_AWAIT(leaf(i)) * (i ? YC_AWAIT(leaf(s)) : 1);
    yc_task *t = YC_ASYNC(leaf(s));
    YC_AWAIT(yc_task_join(t, &s, sizeof s, YC_NO_DEADLINE));
    return s > 0 ? 0 : 1;
}
