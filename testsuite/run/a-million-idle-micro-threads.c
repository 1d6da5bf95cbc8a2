// A million micro-threads blocked at once, each on an event, a mutex or a
// semaphore with no deadline, cost at most 64 bytes each: the coroutine,
// as the bench's row 5, takes a pointer and an int and keeps two ints
// across the wait, and that is a 32-byte task and a 32-byte root frame (a
// 16-byte header, and the arguments sharing their 16 bytes with the
// locals; the wait is the task's own link; docs/internals.md). All wake
// and finish, and nothing is left. Row 5 does the same with up to 100
// million. A state-machine build only: stackful tasks hold stacks, and the
// sanitizers and Valgrind add their own bytes to every allocation (and
// ThreadSanitizer's shadow memory to every byte).
// UNSUPPORTED: stackful, valgrind, asan, tsan
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

YC_COROUTINE static void idle(void *on, int x) {
    int a = x * 3, b = x ^ 5;
    if (on == &ev) {
        YC_AWAIT(yc_event_wait(on, YC_NO_DEADLINE));
    } else if (on == &mu) {
        YC_AWAIT(yc_mutex_lock(on, YC_NO_DEADLINE));
        yc_mutex_unlock(on);
    } else {
        YC_AWAIT(yc_sem_acquire(on, YC_NO_DEADLINE));
    }
    sum += a - b;
    finished++;
}

YC_COROUTINE int main(void) {
    long expect = 0;
    YC_AWAIT(yc_mutex_lock(&mu, YC_NO_DEADLINE));
    long before = rss();
    for (int i = 0; i < N; i++) {
        void *on = i % 3 == 0 ? (void *)&ev : i % 3 == 1 ? (void *)&mu : &sem;
        YC_SPAWN(idle(on, i));
        expect += (long)i * 3 - (i ^ 5);
    }
    YC_YIELD(); /* every one runs to its wait */
    long per = (rss() - before) / N;
    struct yc_sched_stats st;
    yc_sched_stats(&st);
    printf("blocked: %lu, bytes each at most 64: %s\n", (unsigned long)st.tasks,
           per <= 64 ? "yes" : "no");
    // CHECK: blocked: 1000001, bytes each at most 64: yes
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
