// A coroutine call without YC_AWAIT is an error with a fix-it wherever it
// stands in a coroutine (a statement, an if condition, an if body); inside
// YC_SPAWN the same call is fine.
// RUN: rm -f %t.c
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not test -e %t.c

#include <yieldc.h>

YC_COROUTINE void ping(int x);
YC_COROUTINE int get(void);

YC_COROUTINE void user(void) {
    ping(1 + 2);
    // CHECK: call-without-await-statement.c:[[# @LINE - 1]]:5: error: call of coroutine 'ping' from a coroutine without YC_AWAIT; write YC_AWAIT(...) to await it
    // CHECK-NEXT: {{^}}    ping(1 + 2);
    // CHECK-NEXT: {{^}}    ^
    // CHECK-NEXT: {{^}}    YC_AWAIT(ping(1 + 2))
    YC_SPAWN(ping(3));
    if (get())
        ping(4);
    // CHECK: call-without-await-statement.c:[[# @LINE - 2]]:9: error: call of coroutine 'get' from a coroutine without YC_AWAIT
    // CHECK-NEXT: {{^}}    if (get())
    // CHECK-NEXT: {{^}}        ^
    // CHECK-NEXT: {{^}}        YC_AWAIT(get())
    // CHECK: call-without-await-statement.c:[[# @LINE - 5]]:9: error: call of coroutine 'ping' from a coroutine without YC_AWAIT
    // CHECK-NEXT: {{^}}        ping(4);
    // CHECK-NEXT: {{^}}        ^
    // CHECK-NEXT: {{^}}        YC_AWAIT(ping(4))
}
