/* fuzz_http.c - libFuzzer target for the http example's request parser
   (examples/http_parse.c). Besides the sanitizers' checks, each input is
   held to what the server relies on: the result is within the input and
   its fields within the head; and a request is parsed the same however it
   arrives, so every prefix of a complete head is "not complete yet" (the
   bug class of a request split across reads). */
#include "../../examples/http_parse.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(c)                                                               \
    do {                                                                       \
        if (!(c))                                                              \
            abort();                                                           \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
    /* A copy of exactly n bytes: a read past it is a heap overflow. */
    char *s = malloc(n ? n : 1);
    if (!s)
        return 0;
    memcpy(s, data, n);
    struct http_req r;
    long k = http_parse(s, n, &r);
    CHECK(k <= (long)n);
    if (k > 0) {
        CHECK((size_t)k == r.head_len);
        CHECK(r.path >= s && r.path + r.path_len <= s + k);
        CHECK(r.minor == 0 || r.minor == 1);
        CHECK(r.body_len <= HTTP_MAX_BODY);
        /* Every prefix is incomplete (all of them for short heads, a
           sample of long ones). */
        size_t step = (size_t)k > 512 ? (size_t)k / 256 : 1;
        for (size_t j = 0; j < (size_t)k; j += step) {
            struct http_req q;
            CHECK(http_parse(s, j, &q) == 0);
        }
        /* What follows the head does not change it. */
        struct http_req again;
        CHECK(http_parse(s, (size_t)k, &again) == k);
        CHECK(again.body_len == r.body_len && again.method == r.method &&
              again.path_len == r.path_len);
    } else if (k < 0) {
        CHECK(k == -400 || k == -413 || k == -431 || k == -501 || k == -505);
    }
    free(s);
    return 0;
}
