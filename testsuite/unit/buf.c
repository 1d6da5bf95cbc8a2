/* Unit test of compiler/buf.c's formatting: buf_printf does %s, %u, %d,
   %c and %% itself and hands every other format to vsnprintf; both must
   write what snprintf writes, and an empty result must still be a string.
*/
// RUN: %{unit}/unit-buf | FileCheck %s
#include "buf.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

static int failures;

#define SAME(fmt, ...)                                                         \
    do {                                                                       \
        char want[512];                                                        \
        struct buf b = {0};                                                    \
        snprintf(want, sizeof want, fmt, __VA_ARGS__);                         \
        buf_puts(&b, "<");                                                     \
        buf_printf(&b, fmt, __VA_ARGS__);                                      \
        if (strcmp(buf_str(&b) + 1, want)) {                                   \
            printf("differs: [%s] [%s]\n", buf_str(&b) + 1, want);             \
            failures++;                                                        \
        }                                                                      \
        buf_free(&b);                                                          \
    } while (0)

int main(void) {
    SAME("%s", "");
    SAME("plain text, no conversions%s", "");
    SAME("%u %u %u", 0u, 7u, UINT_MAX);
    SAME("%d %d %d %d", 0, -1, INT_MIN, INT_MAX);
    SAME("%c%c%%%s", 'a', 'z', "end");
    SAME("yc__%s_%u = %s; ", "field", 12u, "name");
    SAME("%lld %zu", -5ll, (size_t)99);
    SAME("%.*s|", 3, "abcdef");
    SAME("%5d|%-3u|", 42, 7u);
    char long_text[300];
    memset(long_text, 'x', sizeof long_text - 1);
    long_text[sizeof long_text - 1] = 0;
    SAME("%s %d", long_text, 1);
    SAME("%lld then %s", 1ll << 40, long_text);
    struct buf e = {0};
    buf_printf(&e, "%s", "");
    printf("empty: [%s] %zu\n", buf_str(&e), e.len);
    buf_free(&e);
    printf("formats: %d failures\n", failures);
    return failures != 0;
}
// CHECK-NOT: differs
// CHECK: empty: [] 0
// CHECK-NEXT: formats: 0 failures
