// Every runtime error code has a name and a description, and equals the
// negated errno value of the same name; so do the other errno values an
// I/O call may pass on (YC_EIO, YC_EPROTO, ...), described as strerror
// describes them; a Linux-only errno gets its C name.
// RUN: %yieldc %s -o %t.c && %cc -I%S %t.c -o %t && %run %t | FileCheck %s

#include "Inputs/assert.h"
#include <errno.h>
#include <string.h>

int main(void) {
#define SHOW(name, value, text)                                                \
    ASSERT_EQ(YC_##name, -name);                                               \
    printf("%s %d %s\n", yc_err_name(YC_##name), YC_##name,                    \
           yc_strerror(YC_##name));
    YC_ERRNO_MAP(SHOW)
#undef SHOW
    printf("%s %s\n", yc_err_name(0), yc_strerror(0));
    printf("%s %s\n", yc_err_name(-EL2NSYNC), yc_strerror(-EL2NSYNC));
    printf("%s %s\n", yc_err_name(9999), yc_strerror(9999));
    return 0;
}
// CHECK: YC_ENOMEM -12 out of memory
// CHECK: YC_ETIMEDOUT -110 operation timed out
// CHECK: YC_ECANCELED -125 operation canceled
// CHECK: YC_EPIPE -32 channel or stream closed
// CHECK: YC_EPERM -1 operation not permitted
// CHECK: YC_EBUSY -16 resource busy
// CHECK: YC_EALREADY -114 operation already done
// CHECK: YC_EBADF -9 bad file descriptor, or closed while waiting
// CHECK: YC_EMFILE -24 too many open files
// CHECK: YC_ECONNRESET -104 connection reset by peer
// CHECK: YC_ECONNREFUSED -111 connection refused
// CHECK: YC_ENOTCONN -107 socket not connected
// CHECK: YC_EADDRINUSE -98 address already in use
// CHECK: YC_ENOENT -2 No such file or directory
// CHECK: YC_EIO -5 Input/output error
// CHECK: YC_EISDIR -21 Is a directory
// CHECK: YC_EPROTO -71 Protocol error
// CHECK: YC_EHOSTUNREACH -113 No route to host
// CHECK: YC_ENOTRECOVERABLE -131 State not recoverable
// CHECK: 0 success
// CHECK: EL2NSYNC Level 2 not synchronized
// CHECK: YC_E? unknown error
