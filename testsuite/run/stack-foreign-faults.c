// A fault that is not an overflow of a micro-thread's stack - a write to
// an inaccessible page from a micro-thread, a SIGSEGV sent by raise - is not reported
// as one: the runtime's handler passes it to the handler the program had
// installed (SA_SIGINFO or plain), or, when there was none, lets it kill
// the process as it would have without the runtime.
// Valgrind reports the deliberate invalid write itself.
// UNSUPPORTED: valgrind
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t
// RUN: %run %t siginfo 2>&1 | FileCheck --check-prefix=SIGINFO %s
// RUN: %run %t plain 2>&1 | FileCheck --check-prefix=PLAIN %s
// RUN: not --crash %run %t default 2>&1 | FileCheck --check-prefix=DEFAULT %s
// RUN: not --crash %run %t raised 2>&1 | FileCheck --check-prefix=RAISED %s

#define _GNU_SOURCE /* SA_SIGINFO, MAP_ANONYMOUS */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <yieldc.h>

// AddressSanitizer's and ThreadSanitizer's own SIGSEGV reports would
// stand in for the default action this test checks.
const char *__asan_default_options(void) { return "handle_segv=0"; }
const char *__tsan_default_options(void) { return "handle_segv=0"; }

static const char *mode;
static char *no_access; // a page mapped PROT_NONE

static void say(const char *s) {
    ssize_t w = write(STDERR_FILENO, s, strlen(s));
    (void)w;
}

static void on_siginfo(int sig, siginfo_t *si, void *uc) {
    (void)uc;
    say(sig == SIGSEGV && (char *)si->si_addr == no_access
            ? "program's handler: SIGSEGV at the page\n"
            : "program's handler: something else\n");
    _exit(0);
}

static void on_plain(int sig) {
    say(sig == SIGSEGV ? "program's plain handler: SIGSEGV\n"
                       : "program's plain handler: something else\n");
    _exit(0);
}

static void *fault(void *arg) {
    (void)arg;
    yc_yield(); // running on its stack, switched to and back
    say("faulting\n");
    if (!strcmp(mode, "raised"))
        raise(SIGSEGV);
    else
        *(volatile char *)no_access = 1;
    say("still running\n");
    return NULL;
}

YC_COROUTINE int main(int argc, char **argv) {
    mode = argc > 1 ? argv[1] : "";
    no_access = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (no_access == MAP_FAILED)
        return 2;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    if (!strcmp(mode, "siginfo")) {
        sa.sa_sigaction = on_siginfo;
        sa.sa_flags = SA_SIGINFO;
        sigaction(SIGSEGV, &sa, NULL);
    } else if (!strcmp(mode, "plain")) {
        sa.sa_handler = on_plain;
        sigaction(SIGSEGV, &sa, NULL);
    }
    // The runtime installs its handler with the first stack.
    yc_task *t = yc_go(fault, NULL, 65536);
    YC_AWAIT(yc_task_join(t, NULL, 0, YC_NO_DEADLINE));
    say("not reached\n");
    return 1;
}

// SIGINFO: faulting
// SIGINFO-NEXT: program's handler: SIGSEGV at the page
// PLAIN: faulting
// PLAIN-NEXT: program's plain handler: SIGSEGV
// DEFAULT: faulting
// DEFAULT-NOT: overflow
// DEFAULT-NOT: still running
// RAISED: faulting
// RAISED-NOT: overflow
// RAISED-NOT: still running
