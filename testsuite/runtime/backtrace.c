// yc_backtrace writes the chain of awaiting coroutines, innermost first,
// each at the line it waits at. Awaited, it sees the whole chain, also the
// callers whose awaits have not suspended (SYNC) and those resumed after a
// suspension (SUSP). Called from a signal handler it starts at the frame
// the scheduler stepped, here inner resumed after its sleep (SIG), and
// yc_sched_dump lists every task with its state and chain (DUMP). Under the
// stackful lowering frames know no lines: see backtrace-stackful.c.
// UNSUPPORTED: stackful
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t
// RUN: %run %t sync | FileCheck %s --check-prefix=SYNC --match-full-lines
// RUN: %run %t susp | FileCheck %s --check-prefix=SUSP --match-full-lines
// RUN: %run %t sig | FileCheck %s --check-prefix=SIG --match-full-lines
// RUN: %run %t dump | FileCheck %s --check-prefix=DUMP --match-full-lines

#include "Inputs/assert.h"

#include <signal.h>
#include <string.h>

YC_COROUTINE static int quick(void);

static const char *mode;
static yc_event never;

static void on_signal(int sig) {
    (void)sig;
    if (!strcmp(mode, "dump"))
        ASSERT_OK(yc_sched_dump(1));
    else
        ASSERT_OK(yc_backtrace(1));
}

// DUMP: yieldc: 4 micro-threads
// DUMP-NEXT: task 1 (main) is running
// SYNC: yieldc: backtrace of task 1 (main):
// SUSP: yieldc: backtrace of task 1 (main):
// SIG: yieldc: backtrace of task 1 (main):
YC_COROUTINE static int inner(void) {
    if (!strcmp(mode, "sync"))
        return YC_AWAIT(yc_backtrace(1));
    // SYNC-NEXT:   at inner ({{.*}}backtrace.c:[[# @LINE - 1]])
    int rc = YC_AWAIT(yc_sleep_for(1000000));
    // SIG-NEXT:   at inner ({{.*}}backtrace.c:[[# @LINE - 1]])
    // DUMP-NEXT:   at inner ({{.*}}backtrace.c:[[# @LINE - 2]])
    ASSERT_OK(rc);
    if (!strcmp(mode, "susp"))
        return YC_AWAIT(yc_backtrace(1));
    // SUSP-NEXT:   at inner ({{.*}}backtrace.c:[[# @LINE - 1]])
    if (!strcmp(mode, "dump"))
        YC_SPAWN(quick());
    raise(SIGUSR1);
    return 0;
}

YC_COROUTINE static int outer(void) {
    int rc = YC_AWAIT(inner());
    // SYNC-NEXT:   at outer ({{.*}}backtrace.c:[[# @LINE - 1]])
    // SUSP-NEXT:   at outer ({{.*}}backtrace.c:[[# @LINE - 2]])
    // SIG-NEXT:   at outer ({{.*}}backtrace.c:[[# @LINE - 3]])
    // DUMP-NEXT:   at outer ({{.*}}backtrace.c:[[# @LINE - 4]])
    return rc;
}

YC_COROUTINE static int waiter(void);
YC_COROUTINE static int sleeper(void);
YC_COROUTINE static int quick(void);

YC_COROUTINE int main(int argc, char **argv) {
    ASSERT_EQ(argc, 2);
    mode = argv[1];
    signal(SIGUSR1, on_signal);
    YC_SPAWN(waiter());
    YC_SPAWN(sleeper());
    int rc = YC_AWAIT(outer());
    // SYNC-NEXT:   at main ({{.*}}backtrace.c:[[# @LINE - 1]])
    // SUSP-NEXT:   at main ({{.*}}backtrace.c:[[# @LINE - 2]])
    // SIG-NEXT:   at main ({{.*}}backtrace.c:[[# @LINE - 3]])
    // DUMP-NEXT:   at main ({{.*}}backtrace.c:[[# @LINE - 4]])
    return rc;
}

// DUMP-NEXT: task 2 (waiter) waits in yc_event_wait on 0x{{[0-9a-f]+}}
YC_COROUTINE static int waiter(void) {
    return YC_AWAIT(yc_event_wait(&never, -1));
    // DUMP-NEXT:   at waiter ({{.*}}backtrace.c:[[# @LINE - 1]])
}

// DUMP-NEXT: task 3 (sleeper) waits in yc_sleep_for, {{99[0-9]{3}|100000}} ms left
YC_COROUTINE static int sleeper(void) {
    return YC_AWAIT(yc_sleep_for(100 * 1000000000LL));
    // DUMP-NEXT:   at sleeper ({{.*}}backtrace.c:[[# @LINE - 1]])
}

// Spawned just before the signal: ready, not yet started.
// DUMP-NEXT: task 4 (quick) is ready
YC_COROUTINE static int quick(void) { return 0; }
// DUMP-NEXT:   at quick ({{.*}}backtrace.c:[[# @LINE - 1]])
// SYNC-NOT: {{.}}
// SUSP-NOT: {{.}}
// SIG-NOT: {{.}}
// DUMP-NOT: {{.}}
