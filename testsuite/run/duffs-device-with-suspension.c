// Duff's device: a switch that jumps into the middle of a do-while, with a
// suspension in the loop body and, in a second version, an awaited loop
// condition. Every length from 1 to 20 copies exactly what memcpy copies,
// and the loop runs (n + 7) / 8 times.
// RUN: %yieldc %s -o %t.c && %cc %t.c -o %t && %run %t | FileCheck %s

#include <stdio.h>
#include <string.h>
#include <yieldc.h>

static int rounds;

YC_COROUTINE static void duff(char *to, const char *from, int count) {
    int n = (count + 7) / 8;
    switch (count % 8) {
    case 0: do { *to++ = *from++;
    case 7:      *to++ = *from++;
    case 6:      *to++ = *from++;
    case 5:      *to++ = *from++;
    case 4:      *to++ = *from++;
    case 3:      *to++ = *from++;
    case 2:      *to++ = *from++;
    case 1:      *to++ = *from++;
                 rounds++;
                 YC_YIELD();
            } while (--n > 0);
    }
}

YC_COROUTINE static int more(int *n) {
    YC_YIELD();
    return --*n > 0;
}

YC_COROUTINE static void duff_await(char *to, const char *from, int count) {
    int n = (count + 7) / 8;
    switch (count % 8) {
    case 0: do { *to++ = *from++;
    case 7:      *to++ = *from++;
    case 6:      *to++ = *from++;
    case 5:      *to++ = *from++;
    case 4:      *to++ = *from++;
    case 3:      *to++ = *from++;
    case 2:      *to++ = *from++;
    case 1:      *to++ = *from++;
                 rounds++;
            } while (YC_AWAIT(more(&n)));
    }
}

YC_COROUTINE int main(void) {
    const char *src = "abcdefghijklmnopqrstuvwxyz";
    int bad = 0, bad_rounds = 0;
    for (int len = 1; len <= 20; len++) {
        char a[32], b[32], c[32];
        memset(a, '.', sizeof a);
        memset(b, '.', sizeof b);
        memset(c, '.', sizeof c);
        memcpy(a, src, (size_t)len);
        rounds = 0;
        YC_AWAIT(duff(b, src, len));
        bad_rounds += rounds != (len + 7) / 8;
        rounds = 0;
        YC_AWAIT(duff_await(c, src, len));
        bad_rounds += rounds != (len + 7) / 8;
        bad += memcmp(a, b, sizeof a) != 0 || memcmp(a, c, sizeof a) != 0;
        if (len == 11)
            printf("len 11: %.12s %.12s\n", b, c);
    }
    printf("mismatches=%d bad rounds=%d\n", bad, bad_rounds);
    return 0;
}
// CHECK: len 11: abcdefghijk. abcdefghijk.
// CHECK-NEXT: mismatches=0 bad rounds=0
