// A read that returns fewer bytes than asked has emptied a pipe, and the
// next read waits for the poller's next report - unless the writer has
// gone: its end of file was reported with the last data, and no report
// follows. The writer here writes 10,000 bytes and closes while the reader
// waits, so one report brings both; the reader's third read is short
// (1,808 bytes), and the fourth must return 0 rather than wait for ever.
// (Found by injecting EINTR under the I/O calls: testsuite/faults/io.test.)
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <yieldc.h>

YC_COROUTINE static long reader(int fd) {
    char buf[4096];
    long total = 0;
    for (;;) {
        ssize_t n = YC_AWAIT(yc_read(fd, buf, sizeof buf, yc_now() + 5 * YC_SEC));
        printf("read %zd\n", n);
        if (n <= 0)
            return n < 0 ? n : total;
        total += n;
    }
}

YC_COROUTINE int main(void) {
    int p[2];
    if (pipe(p))
        return 1;
    yc_task *r = YC_ASYNC(reader(p[0]));
    YC_YIELD(); /* the reader finds the pipe empty and waits */
    static char data[10000];
    memset(data, 'x', sizeof data);
    if (write(p[1], data, sizeof data) != (ssize_t)sizeof data)
        return 1;
    close(p[1]); /* data and end of file in one report */
    long total = 0;
    YC_AWAIT(yc_task_join(r, &total, sizeof total, YC_NO_DEADLINE));
    printf("total %ld\n", total);
    yc_close(p[0]);
    return 0;
}
// CHECK: read 4096
// CHECK-NEXT: read 4096
// CHECK-NEXT: read 1808
// CHECK-NEXT: read 0
// CHECK-NEXT: total 10000
