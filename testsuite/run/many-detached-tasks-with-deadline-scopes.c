// A detached micro-thread has no extension until a feature asks for one
// (a deadline scope here); it then lives in a table of its scheduler,
// which grows and shrinks as such tasks come and go. Three thousand
// detached tasks each push a scope of their own and check it across
// yields while the others finish in a scattered order: every task keeps
// seeing its own deadline, and every scope pops cleanly.
// Under ThreadSanitizer the stackful lowering's 3,000 fibers take 17 to
// 20 s of the 20 s limit (as many-tasks.c's do), so that pass leaves it
// out; the state-machine one runs it.
// UNSUPPORTED: stackful && tsan
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

enum { N = 3000 };

static int64_t base;
static int done, wrong;

YC_COROUTINE static void scoped(int i) {
    int64_t mine = base + (int64_t)(i + 1) * YC_SEC;
    yc_deadline_push(mine);
    /* Finish after a number of yields that scatters the order. */
    for (int k = 0; k < (i * 7919) % 13; k++) {
        YC_YIELD();
        wrong += yc_deadline() != mine;
    }
    wrong += yc_deadline_pop() != 0;
    wrong += yc_deadline() != YC_NO_DEADLINE;
    done++;
}

YC_COROUTINE int main(void) {
    base = yc_now() + 3600 * YC_SEC;
    for (int i = 0; i < N; i++)
        YC_SPAWN(scoped(i));
    while (done < N)
        YC_YIELD();
    struct yc_sched_stats st;
    yc_sched_stats(&st);
    printf("done %d, wrong %d, tasks left %u\n", done, wrong, st.tasks);
    // CHECK: done 3000, wrong 0, tasks left 1
    return 0;
}
