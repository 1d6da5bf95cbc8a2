// Macros with return, goto, break and continue in their bodies - the
// error-check idiom of C code bases - around awaits, in a coroutine that
// returns a value and in a void one: each exit leaves the coroutine or the
// loop as written.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <yieldc.h>

#define CHECK(e) do { if ((e) < 0) return -1; } while (0)
#define TRY(e) do { int r_ = (e); if (r_ < 0) return r_; } while (0)
#define RETURN_IF(c, v) if (c) return (v)
#define FAIL_IF(c) if (c) goto fail
#define SKIP_IF(c) if (c) continue
#define STOP_IF(c) if (c) break
#define VOID_CHECK(e) do { if ((e) < 0) return; } while (0)

YC_COROUTINE static int get(int v) {
    YC_YIELD();
    return v;
}

YC_COROUTINE static int steps(int fail_at) {
    CHECK(YC_AWAIT(get(fail_at == 1 ? -1 : 1)));
    TRY(YC_AWAIT(get(fail_at == 2 ? -2 : 2)));
    RETURN_IF(YC_AWAIT(get(fail_at)) == 3, 30);
    FAIL_IF(YC_AWAIT(get(fail_at)) == 4);
    return 0;
fail:
    return 40;
}

YC_COROUTINE static int loop(void) {
    int sum = 0;
    for (int i = 0; i < 10; i++) {
        SKIP_IF(YC_AWAIT(get(i)) % 2);
        STOP_IF(YC_AWAIT(get(i)) > 6);
        sum += i;
    }
    return sum;
}

static int done;

YC_COROUTINE static void v(int x) {
    VOID_CHECK(YC_AWAIT(get(x)));
    done++;
}

YC_COROUTINE int main(void) {
    for (int k = 0; k <= 4; k++)
        printf("steps(%d) = %d\n", k, YC_AWAIT(steps(k)));
    // CHECK: steps(0) = 0
    // CHECK-NEXT: steps(1) = -1
    // CHECK-NEXT: steps(2) = -2
    // CHECK-NEXT: steps(3) = 30
    // CHECK-NEXT: steps(4) = 40
    printf("loop %d\n", YC_AWAIT(loop()));
    // CHECK-NEXT: loop 12
    YC_AWAIT(v(-1));
    YC_AWAIT(v(1));
    printf("done %d\n", done);
    // CHECK-NEXT: done 1
    return 0;
}
