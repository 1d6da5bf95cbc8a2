// A million micro-threads blocked at once, each on an event, a mutex or a
// semaphore with no deadline, cost 64 bytes each (a 32-byte task and a
// 32-byte frame: the wait is the task's own link, and the argument shares
// its bytes with the locals; docs/internals.md), checked here as at most
// 72 to leave room for page-granular RSS; all wake and finish, and nothing
// is left. The bench's row 5 does the same with up to 100 million. A
// state-machine build only: stackful tasks hold stacks, and the sanitizers
// and Valgrind add their own bytes to every allocation.
// UNSUPPORTED: stackful, valgrind, asan
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

enum { N = 1000000 };

static yc_event ev = YC_EVENT_INIT;
static yc_mutex mu = YC_MUTEX_INIT;
static yc_sem sem = YC_SEM_INIT(0);
static long finished, sum;

/* VmRSS in bytes. */
static long rss(void) {
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "VmRSS: %ld kB", &kb) == 1)
            break;
    if (f)
        fclose(f);
    return kb * 1024;
}

YC_COROUTINE static void idle(int x) {
    int a = x * 3, b = x ^ 5;
    switch (x % 3) {
    case 0:
        YC_AWAIT(yc_event_wait(&ev, YC_NO_DEADLINE));
        break;
    case 1:
        YC_AWAIT(yc_mutex_lock(&mu, YC_NO_DEADLINE));
        yc_mutex_unlock(&mu);
        break;
    default:
        YC_AWAIT(yc_sem_acquire(&sem, YC_NO_DEADLINE));
        break;
    }
    sum += a - b;
    finished++;
}

YC_COROUTINE int main(void) {
    long expect = 0;
    YC_AWAIT(yc_mutex_lock(&mu, YC_NO_DEADLINE));
    long before = rss();
    for (int i = 0; i < N; i++) {
        YC_SPAWN(idle(i));
        expect += (long)i * 3 - (i ^ 5);
    }
    YC_YIELD(); /* every one runs to its wait */
    long per = (rss() - before) / N;
    struct yc_sched_stats st;
    yc_sched_stats(&st);
    printf("blocked: %lu, bytes each at most 72: %s\n",
           (unsigned long)st.tasks, per <= 72 ? "yes" : "no");
    // CHECK: blocked: 1000001, bytes each at most 72: yes
    yc_event_set(&ev);
    yc_mutex_unlock(&mu);
    for (int i = 0; i < N / 3; i++)
        yc_sem_release(&sem);
    while (finished < N)
        YC_YIELD();
    yc_sched_stats(&st);
    printf("finished: %ld, sums match: %s, tasks left: %lu\n", finished,
           sum == expect ? "yes" : "no", (unsigned long)st.tasks);
    // CHECK-NEXT: finished: 1000000, sums match: yes, tasks left: 1
    return 0;
}
